using AdminMfaWatchdog.Core.Json;
using AdminMfaWatchdog.Core.Rules;

namespace AdminMfaWatchdog.Core.Configuration;

/// <summary>
/// Reads and validates the configuration contract (DESIGN.md "Configuration"). Comments and trailing
/// commas are allowed; an unknown key, a malformed id or an impossible combination is an error naming
/// the source, the JSON path and what is wrong.
/// </summary>
public static class ConfigJson
{
    public static WatchdogConfig Read(Stream utf8Json, string source)
    {
        using var document = JsonCursor.ParseDocument(utf8Json, source);
        return Read(new JsonCursor(document.RootElement, source, "$"));
    }

    public static WatchdogConfig Read(JsonCursor root)
    {
        root.ExpectObject().RejectUnknownKeys("watchedPolicyIds", "privilegedRoles", "breakGlassAccounts", "serviceAccounts", "remediation");

        var config = new WatchdogConfig(
            Ids(root, "watchedPolicyIds"),
            ReadPrivilegedRoles(root.Property("privilegedRoles")),
            ReadBreakGlass(root),
            root.Property("serviceAccounts") is { } serviceAccounts ? ReadServiceAccounts(serviceAccounts) : null,
            root.Property("remediation") is { } remediation ? ReadRemediation(remediation) : RemediationSettings.AlertOnly)
        {
            Source = root.Source,
        };
        RejectImpossibleCombinations(config, root);
        return config;
    }

    private static PrivilegedRoleSelection ReadPrivilegedRoles(JsonCursor? value)
    {
        if (value is not { } roles) return PrivilegedRoleSelection.Recommended;
        if (roles.Element.ValueKind == System.Text.Json.JsonValueKind.String)
        {
            return roles.AsString() switch
            {
                "recommended" => PrivilegedRoleSelection.Recommended,
                "allPrivileged" => PrivilegedRoleSelection.AllPrivileged,
                var other => throw roles.Error($"'{other}' is not one of \"recommended\", \"allPrivileged\" or an array of role template ids"),
            };
        }
        var ids = roles.Items().Select(Guid).ToArray();
        return ids.Length == 0
            ? throw roles.Error("an empty role list would watch no administrator; use \"recommended\" or list role template ids")
            : new PrivilegedRoleSelection(PrivilegedRoleMode.Explicit, ids);
    }

    private static IReadOnlyList<string> ReadBreakGlass(JsonCursor root) =>
        root.Array("breakGlassAccounts").Select(account =>
        {
            var value = account.AsString();
            return System.Guid.TryParse(value, out _) || IsUserPrincipalName(value)
                ? value
                : throw account.Error($"'{value}' is neither an object id (GUID) nor a user principal name");
        }).ToArray();

    private static ServiceAccountSettings ReadServiceAccounts(JsonCursor section)
    {
        section.ExpectObject().RejectUnknownKeys("exclusionGroupId", "userPrincipalNamePatterns", "employeeTypes", "ids");
        var groupId = section.Property("exclusionGroupId") is { } id
            ? Guid(id)
            : throw new InvalidInputException(section.Source, section.ChildPath("exclusionGroupId"),
                "required: the id of the group that the MFA policies exclude for service accounts");
        var patterns = section.Array("userPrincipalNamePatterns").Select(p =>
        {
            var pattern = p.AsString();
            if (pattern.Replace("*", "").Replace("?", "").Replace("@", "").Trim().Length == 0)
                throw p.Error($"'{pattern}' would match every account; narrow it (for example \"svc-*@*\")");
            // Graph can search a UPN by prefix or suffix only; anything else would mean listing every user.
            if (pattern[0] is '*' or '?' && pattern[^1] is '*' or '?')
                throw p.Error($"'{pattern}' must start or end with literal text (for example \"svc-*@*\" or \"*@svc.contoso.com\") so that Microsoft Graph can search it");
            return pattern;
        }).ToArray();
        var employeeTypes = section.Array("employeeTypes").Select(t =>
            t.AsString() is { Length: > 0 } type ? type : throw t.Error("an employee type cannot be empty")).ToArray();
        return new ServiceAccountSettings(groupId, patterns, employeeTypes, Ids(section, "ids"));
    }

    private static RemediationSettings ReadRemediation(JsonCursor section)
    {
        section.ExpectObject().RejectUnknownKeys("default", "rules", "maxActionsPerRun");
        var defaultMode = section.Property("default") is { } d ? Mode(d) : RuleMode.Alert;
        var rules = new Dictionary<string, RuleMode>(StringComparer.Ordinal);
        foreach (var (ruleId, value) in section.Property("rules")?.Properties() ?? [])
        {
            var rule = RuleCatalog.Find(ruleId)
                ?? throw value.Error($"unknown rule id '{ruleId}' (expected one of: {string.Join(", ", RuleCatalog.All.Select(r => r.Metadata.Id))})");
            var mode = Mode(value);
            if (mode == RuleMode.Remediate && !rule.Metadata.CanRemediate)
                throw value.Error($"rule '{ruleId}' is alert-only: it has no remediation (use \"alert\" or \"off\")");
            rules[ruleId] = mode;
        }
        var maxActions = section.Int("maxActionsPerRun", 5);
        if (maxActions is < 0 or > 100)
            throw new InvalidInputException(section.Source, section.ChildPath("maxActionsPerRun"), $"{maxActions} is out of range 0..100");
        return new RemediationSettings(defaultMode, rules, maxActions);
    }

    private static void RejectImpossibleCombinations(WatchdogConfig config, JsonCursor root)
    {
        if (config.ServiceAccounts is not { } serviceAccounts) return;
        var breakGlass = config.BreakGlassAccounts.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var both = serviceAccounts.Ids.FirstOrDefault(breakGlass.Contains);
        if (both is not null)
            throw new InvalidInputException(root.Source, "$.serviceAccounts.ids",
                $"'{both}' is also a break-glass account: an account is one or the other");
    }

    private static RuleMode Mode(JsonCursor value) => value.AsString() switch
    {
        "alert" => RuleMode.Alert,
        "remediate" => RuleMode.Remediate,
        "off" => RuleMode.Off,
        var other => throw value.Error($"'{other}' is not one of alert, remediate, off"),
    };

    private static IReadOnlyList<string> Ids(JsonCursor parent, string name) => parent.Array(name).Select(Guid).ToArray();

    private static string Guid(JsonCursor value)
    {
        var text = value.AsString();
        return System.Guid.TryParse(text, out var id) && text.Length == 36
            ? id.ToString()
            : throw value.Error($"'{text}' is not an object id (a GUID such as 00000000-0000-0000-0000-000000000000)");
    }

    private static bool IsUserPrincipalName(string value)
    {
        var at = value.IndexOf('@');
        return at > 0 && at < value.Length - 1 && value.IndexOf('@', at + 1) < 0 && !value.Any(char.IsWhiteSpace);
    }
}
