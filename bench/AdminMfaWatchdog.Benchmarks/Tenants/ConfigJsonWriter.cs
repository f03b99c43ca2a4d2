using System.Text.Json;
using AdminMfaWatchdog.Core.Configuration;

namespace AdminMfaWatchdog.Benchmarks.Tenants;

/// <summary>
/// Writes a <see cref="WatchdogConfig"/> in the configuration contract of DESIGN.md, the shape
/// <see cref="ConfigJson.Read(Stream, string)"/> reads. Keys in a fixed order, so the bytes follow the config.
/// </summary>
public static class ConfigJsonWriter
{
    public static void Write(WatchdogConfig config, Stream utf8Json)
    {
        using var json = new Utf8JsonWriter(utf8Json, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        Strings(json, "watchedPolicyIds", config.WatchedPolicyIds);
        switch (config.PrivilegedRoles.Mode)
        {
            case PrivilegedRoleMode.Recommended: json.WriteString("privilegedRoles", "recommended"); break;
            case PrivilegedRoleMode.AllPrivileged: json.WriteString("privilegedRoles", "allPrivileged"); break;
            default: Strings(json, "privilegedRoles", config.PrivilegedRoles.TemplateIds); break;
        }
        Strings(json, "breakGlassAccounts", config.BreakGlassAccounts);
        if (config.ServiceAccounts is { } accounts)
        {
            json.WriteStartObject("serviceAccounts");
            json.WriteString("exclusionGroupId", accounts.ExclusionGroupId);
            Strings(json, "userPrincipalNamePatterns", accounts.UserPrincipalNamePatterns);
            Strings(json, "employeeTypes", accounts.EmployeeTypes);
            Strings(json, "ids", accounts.Ids);
            json.WriteEndObject();
        }
        json.WriteStartObject("remediation");
        json.WriteString("default", Mode(config.Remediation.DefaultMode));
        json.WriteStartObject("rules");
        foreach (var (ruleId, mode) in config.Remediation.Rules.OrderBy(r => r.Key, StringComparer.Ordinal)) json.WriteString(ruleId, Mode(mode));
        json.WriteEndObject();
        json.WriteNumber("maxActionsPerRun", config.Remediation.MaxActionsPerRun);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Mode(RuleMode mode) => mode switch
    {
        RuleMode.Remediate => "remediate",
        RuleMode.Off => "off",
        _ => "alert",
    };

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
