using AdminMfaWatchdog.Core.Json;

namespace AdminMfaWatchdog.Core.ConditionalAccess;

/// <summary>Reads a <c>conditionalAccessPolicy</c> exactly as <c>GET /identity/conditionalAccess/policies</c> returns it.</summary>
public static class PolicyJson
{
    public static ConditionalAccessPolicy Read(JsonCursor policy)
    {
        var conditions = policy.Property("conditions") ?? throw policy.Error("required object 'conditions' is missing");
        var users = conditions.Property("users") ?? throw conditions.Error("required object 'users' is missing");
        var applications = conditions.Property("applications");

        return new ConditionalAccessPolicy(
            policy.RequiredString("id"),
            policy.OptionalString("displayName"),
            ReadState(policy),
            new UserConditions(
                users.StringArray("includeUsers"), users.StringArray("excludeUsers"),
                users.StringArray("includeGroups"), users.StringArray("excludeGroups"),
                users.StringArray("includeRoles"), users.StringArray("excludeRoles"),
                ReadGuests(users.Property("includeGuestsOrExternalUsers")),
                ReadGuests(users.Property("excludeGuestsOrExternalUsers"))),
            new ApplicationConditions(
                applications?.StringArray("includeApplications") ?? [],
                applications?.StringArray("excludeApplications") ?? [],
                applications?.StringArray("includeUserActions") ?? [],
                applications?.StringArray("includeAuthenticationContextClassReferences") ?? []),
            conditions.StringArray("clientAppTypes"),
            ReadIncludeExclude(conditions.Property("platforms"), "includePlatforms", "excludePlatforms"),
            ReadIncludeExclude(conditions.Property("locations"), "includeLocations", "excludeLocations"),
            ReadDeviceFilter(conditions.Property("devices")),
            conditions.StringArray("signInRiskLevels"),
            conditions.StringArray("userRiskLevels"),
            conditions.Property("authenticationFlows")?.FlagsString("transferMethods") ?? [],
            ReadGrant(policy.Property("grantControls")));
    }

    private static PolicyState ReadState(JsonCursor policy)
    {
        var state = policy.RequiredString("state");
        return state switch
        {
            "enabled" => PolicyState.Enabled,
            "disabled" => PolicyState.Disabled,
            "enabledForReportingButNotEnforced" => PolicyState.EnabledForReportingButNotEnforced,
            _ => throw new InvalidInputException(policy.Source, policy.ChildPath("state"),
                $"'{state}' is not one of enabled, disabled, enabledForReportingButNotEnforced"),
        };
    }

    private static GuestsOrExternalUsers? ReadGuests(JsonCursor? guests) => guests is not { } g
        ? null
        : new GuestsOrExternalUsers(
            g.FlagsString("guestOrExternalUserTypes"),
            g.Property("externalTenants")?.OptionalString("membershipKind") == "enumerated");

    private static IncludeExclude? ReadIncludeExclude(JsonCursor? condition, string include, string exclude) =>
        condition is { } c ? new IncludeExclude(c.StringArray(include), c.StringArray(exclude)) : null;

    private static DeviceFilter? ReadDeviceFilter(JsonCursor? devices)
    {
        if (devices?.Property("deviceFilter") is not { } filter) return null;
        var mode = filter.RequiredString("mode") switch
        {
            "include" => DeviceFilterMode.Include,
            "exclude" => DeviceFilterMode.Exclude,
            var other => throw new InvalidInputException(filter.Source, filter.ChildPath("mode"), $"'{other}' is not one of include, exclude"),
        };
        return new DeviceFilter(mode, filter.RequiredString("rule"));
    }

    private static GrantControls? ReadGrant(JsonCursor? grant)
    {
        if (grant is not { } g) return null;
        var strength = g.Property("authenticationStrength");
        return new GrantControls(
            g.OptionalString("operator") ?? "OR",
            g.StringArray("builtInControls"),
            g.StringArray("customAuthenticationFactors"),
            g.StringArray("termsOfUse"),
            strength is { } s
                ? new AuthenticationStrengthReference(
                    s.RequiredString("id"),
                    s.OptionalString("displayName"),
                    s.Property("requirementsSatisfied") is null ? null : s.FlagsString("requirementsSatisfied"),
                    s.Property("allowedCombinations") is null ? null : s.StringArray("allowedCombinations"))
                : null);
    }
}
