using System.Text.Json;
using AdminMfaWatchdog.Core.ConditionalAccess;

namespace AdminMfaWatchdog.Core.Directory;

/// <summary>
/// Writes a snapshot in the contract's Graph v1.0 shapes, so that what <see cref="SnapshotJson.Read"/>
/// reads back is the same tenant. Used by `watchdog export` and by the synthetic tenants of bench/.
/// </summary>
public static class SnapshotJsonWriter
{
    public static void Write(TenantSnapshot snapshot, Stream utf8Json)
    {
        using var json = new Utf8JsonWriter(utf8Json, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("tenantId", snapshot.TenantId);
        Array(json, "users", snapshot.Users, (w, u) =>
        {
            w.WriteString("id", u.Id);
            w.WriteString("displayName", u.DisplayName);
            w.WriteString("userPrincipalName", u.UserPrincipalName);
            w.WriteString("userType", u.UserType);
            w.WriteBoolean("accountEnabled", u.AccountEnabled);
            w.WriteString("employeeType", u.EmployeeType);
        });
        Array(json, "groups", snapshot.Groups, (w, g) =>
        {
            w.WriteString("id", g.Id);
            w.WriteString("displayName", g.DisplayName);
            Strings(w, "groupTypes", g.GroupTypes);
            w.WriteString("membershipRule", g.MembershipRule);
            w.WriteBoolean("isAssignableToRole", g.IsAssignableToRole);
            w.WriteBoolean("securityEnabled", g.SecurityEnabled);
            Array(w, "members", g.Members, (m, member) =>
            {
                m.WriteString("@odata.type", member.Kind switch
                {
                    PrincipalKind.User => "#microsoft.graph.user",
                    PrincipalKind.Group => "#microsoft.graph.group",
                    PrincipalKind.ServicePrincipal => "#microsoft.graph.servicePrincipal",
                    _ => "#microsoft.graph.directoryObject",
                });
                m.WriteString("id", member.Id);
            });
        });
        Array(json, "servicePrincipals", snapshot.ServicePrincipals, (w, s) =>
        {
            w.WriteString("id", s.Id);
            w.WriteString("displayName", s.DisplayName);
            w.WriteString("appId", s.AppId);
        });
        Array(json, "roleDefinitions", snapshot.RoleDefinitions, (w, r) =>
        {
            w.WriteString("id", r.Id);
            w.WriteString("templateId", r.TemplateId);
            w.WriteString("displayName", r.DisplayName);
            w.WriteBoolean("isBuiltIn", r.IsBuiltIn);
            w.WriteBoolean("isPrivileged", r.IsPrivileged);
        });
        Array(json, "roleAssignments", snapshot.RoleAssignments, (w, a) =>
        {
            w.WriteString("principalId", a.PrincipalId);
            w.WriteString("roleDefinitionId", a.RoleDefinitionId);
            w.WriteString("directoryScopeId", a.DirectoryScopeId);
        });
        Array(json, "roleEligibilitySchedules", snapshot.RoleEligibilitySchedules, (w, e) =>
        {
            w.WriteString("principalId", e.PrincipalId);
            w.WriteString("roleDefinitionId", e.RoleDefinitionId);
            w.WriteString("directoryScopeId", e.DirectoryScopeId);
            DateTime(w, "startDateTime", e.StartDateTime);
            DateTime(w, "endDateTime", e.EndDateTime);
        });
        Array(json, "conditionalAccessPolicies", snapshot.ConditionalAccessPolicies, WritePolicy);
        Array(json, "namedLocations", snapshot.NamedLocations, (w, l) =>
        {
            w.WriteString("@odata.type", "#microsoft.graph.ipNamedLocation");
            w.WriteString("id", l.Id);
            w.WriteString("displayName", l.DisplayName);
            w.WriteBoolean("isTrusted", l.IsTrusted);
        });
        Array(json, "authenticationStrengthPolicies", snapshot.AuthenticationStrengthPolicies, (w, s) =>
        {
            w.WriteString("id", s.Id);
            w.WriteString("displayName", s.DisplayName);
            w.WriteString("requirementsSatisfied", string.Join(',', s.RequirementsSatisfied));
            Strings(w, "allowedCombinations", s.AllowedCombinations);
        });
        json.WriteEndObject();
    }

    private static void WritePolicy(Utf8JsonWriter w, ConditionalAccessPolicy p)
    {
        w.WriteString("id", p.Id);
        w.WriteString("displayName", p.DisplayName);
        w.WriteString("state", p.State switch
        {
            PolicyState.Enabled => "enabled",
            PolicyState.Disabled => "disabled",
            _ => "enabledForReportingButNotEnforced",
        });
        w.WriteStartObject("conditions");
        Strings(w, "userRiskLevels", p.UserRiskLevels);
        Strings(w, "signInRiskLevels", p.SignInRiskLevels);
        Strings(w, "clientAppTypes", p.ClientAppTypes);
        IncludeExclude(w, "platforms", p.Platforms, "includePlatforms", "excludePlatforms");
        IncludeExclude(w, "locations", p.Locations, "includeLocations", "excludeLocations");
        if (p.DeviceFilter is { } filter)
        {
            w.WriteStartObject("devices");
            w.WriteStartObject("deviceFilter");
            w.WriteString("mode", filter.Mode == DeviceFilterMode.Include ? "include" : "exclude");
            w.WriteString("rule", filter.Rule);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        else w.WriteNull("devices");
        if (p.AuthenticationFlowTransferMethods.Count > 0)
        {
            w.WriteStartObject("authenticationFlows");
            w.WriteString("transferMethods", string.Join(',', p.AuthenticationFlowTransferMethods));
            w.WriteEndObject();
        }
        else w.WriteNull("authenticationFlows");
        w.WriteStartObject("applications");
        Strings(w, "includeApplications", p.Applications.IncludeApplications);
        Strings(w, "excludeApplications", p.Applications.ExcludeApplications);
        Strings(w, "includeUserActions", p.Applications.IncludeUserActions);
        Strings(w, "includeAuthenticationContextClassReferences", p.Applications.IncludeAuthenticationContextClassReferences);
        w.WriteEndObject();
        w.WriteStartObject("users");
        Strings(w, "includeUsers", p.Users.IncludeUsers);
        Strings(w, "excludeUsers", p.Users.ExcludeUsers);
        Strings(w, "includeGroups", p.Users.IncludeGroups);
        Strings(w, "excludeGroups", p.Users.ExcludeGroups);
        Strings(w, "includeRoles", p.Users.IncludeRoles);
        Strings(w, "excludeRoles", p.Users.ExcludeRoles);
        Guests(w, "includeGuestsOrExternalUsers", p.Users.IncludeGuestsOrExternalUsers);
        Guests(w, "excludeGuestsOrExternalUsers", p.Users.ExcludeGuestsOrExternalUsers);
        w.WriteEndObject();
        w.WriteEndObject();
        if (p.Grant is { } grant)
        {
            w.WriteStartObject("grantControls");
            w.WriteString("operator", grant.Operator);
            Strings(w, "builtInControls", grant.BuiltInControls);
            Strings(w, "customAuthenticationFactors", grant.CustomAuthenticationFactors);
            Strings(w, "termsOfUse", grant.TermsOfUse);
            if (grant.AuthenticationStrength is { } strength)
            {
                w.WriteStartObject("authenticationStrength");
                w.WriteString("id", strength.Id);
                w.WriteString("displayName", strength.DisplayName);
                if (strength.RequirementsSatisfied is { } requirements) w.WriteString("requirementsSatisfied", string.Join(',', requirements));
                if (strength.AllowedCombinations is { } combinations) Strings(w, "allowedCombinations", combinations);
                w.WriteEndObject();
            }
            else w.WriteNull("authenticationStrength");
            w.WriteEndObject();
        }
        else w.WriteNull("grantControls");
        w.WriteNull("sessionControls");
    }

    private static void Guests(Utf8JsonWriter w, string name, GuestsOrExternalUsers? guests)
    {
        if (guests is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteString("guestOrExternalUserTypes", string.Join(',', guests.GuestOrExternalUserTypes));
        w.WriteStartObject("externalTenants");
        w.WriteString("@odata.type", guests.TenantsEnumerated
            ? "#microsoft.graph.conditionalAccessEnumeratedExternalTenants"
            : "#microsoft.graph.conditionalAccessAllExternalTenants");
        w.WriteString("membershipKind", guests.TenantsEnumerated ? "enumerated" : "all");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void IncludeExclude(Utf8JsonWriter w, string name, IncludeExclude? condition, string include, string exclude)
    {
        if (condition is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        Strings(w, include, condition.Include);
        Strings(w, exclude, condition.Exclude);
        w.WriteEndObject();
    }

    private static void DateTime(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } at) w.WriteString(name, at);
        else w.WriteNull(name);
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }

    private static void Array<T>(Utf8JsonWriter w, string name, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            writeItem(w, item);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
