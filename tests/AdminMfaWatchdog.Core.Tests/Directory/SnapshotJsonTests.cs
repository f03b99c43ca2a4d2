using System.Text;
using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Json;

namespace AdminMfaWatchdog.Core.Tests.Directory;

public sealed class SnapshotJsonTests
{
    private static TenantSnapshot Read(string json) => SnapshotJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "tenant.json");

    [Fact]
    public void A_policy_exactly_as_graph_returns_it_is_read_and_unknown_properties_are_ignored()
    {
        var snapshot = Read("""
            {
              "tenantId": "84bd8158-6d4d-4958-8b9f-9d6445542f95",
              "users": [{ "id": "u1", "userPrincipalName": "a@contoso.example", "accountEnabled": true, "userType": "Member", "onPremisesExtensionAttributes": {"extensionAttribute1": null} }],
              "namedLocations": [{ "@odata.type": "#microsoft.graph.ipNamedLocation", "id": "loc1", "displayName": "HQ", "isTrusted": true, "ipRanges": [] }],
              "conditionalAccessPolicies": [{
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies/$entity",
                "id": "p1", "templateId": null, "displayName": "CA001", "state": "enabledForReportingButNotEnforced",
                "createdDateTime": "2025-03-29T20:39:24.3899939Z", "deletedDateTime": null,
                "conditions": {
                  "userRiskLevels": [], "signInRiskLevels": ["high"], "servicePrincipalRiskLevels": [], "insiderRiskLevels": null,
                  "clientAppTypes": ["all"], "platforms": {"includePlatforms": ["all"], "excludePlatforms": ["linux"]},
                  "locations": {"includeLocations": ["All"], "excludeLocations": ["AllTrusted"]},
                  "devices": {"deviceFilter": {"mode": "exclude", "rule": "device.isCompliant -eq True"}},
                  "clientApplications": null, "authenticationFlows": {"transferMethods": "deviceCodeFlow,authenticationTransfer"},
                  "applications": {"includeApplications": ["All"], "excludeApplications": [], "includeUserActions": [], "includeAuthenticationContextClassReferences": [], "applicationFilter": null},
                  "users": {
                    "includeUsers": [], "excludeUsers": ["u1"], "includeGroups": [], "excludeGroups": ["g1"],
                    "includeRoles": ["62e90394-69f5-4237-9190-012177145e10"], "excludeRoles": [],
                    "includeGuestsOrExternalUsers": null,
                    "excludeGuestsOrExternalUsers": {"guestOrExternalUserTypes": "internalGuest,b2bCollaborationGuest",
                      "externalTenants": {"@odata.type": "#microsoft.graph.conditionalAccessEnumeratedExternalTenants", "membershipKind": "enumerated", "members": ["x"]}}
                  }
                },
                "grantControls": {"operator": "AND", "builtInControls": ["mfa", "compliantDevice"], "customAuthenticationFactors": [], "termsOfUse": [],
                  "authenticationStrength": {"id": "00000000-0000-0000-0000-000000000002", "displayName": "Multifactor authentication", "requirementsSatisfied": "mfa", "allowedCombinations": ["password,sms"]}},
                "sessionControls": null, "times": null, "deviceStates": null
              }]
            }
            """);

        var policy = Assert.Single(snapshot.ConditionalAccessPolicies);
        Assert.Equal(PolicyState.EnabledForReportingButNotEnforced, policy.State);
        Assert.Equal(["62e90394-69f5-4237-9190-012177145e10"], policy.Users.IncludeRoles);
        Assert.Equal(["internalGuest", "b2bCollaborationGuest"], policy.Users.ExcludeGuestsOrExternalUsers!.GuestOrExternalUserTypes);
        Assert.True(policy.Users.ExcludeGuestsOrExternalUsers.TenantsEnumerated);
        Assert.Equal(new DeviceFilter(DeviceFilterMode.Exclude, "device.isCompliant -eq True"), policy.DeviceFilter);
        Assert.Equal(["deviceCodeFlow", "authenticationTransfer"], policy.AuthenticationFlowTransferMethods);
        Assert.Equal(["linux"], policy.Platforms!.Exclude);
        Assert.Equal(["mfa"], policy.Grant!.AuthenticationStrength!.RequirementsSatisfied);
        Assert.True(Assert.Single(snapshot.NamedLocations).IsTrusted);
        Assert.Empty(snapshot.Groups);
    }

    [Theory]
    [InlineData("not json", "$", "not valid JSON")]
    [InlineData("{}", "$.tenantId", "required string is missing")]
    [InlineData("{\"tenantId\": 42}", "$.tenantId", "expected a string, found a number")]
    [InlineData("{\"tenantId\": \"t\", \"users\": {}}", "$.users", "expected an array, found an object")]
    [InlineData("{\"tenantId\": \"t\", \"users\": [{\"id\": \"u\", \"accountEnabled\": \"yes\"}]}", "$.users[0].accountEnabled", "expected true or false, found a string")]
    [InlineData("{\"tenantId\": \"t\", \"users\": [{\"id\": \"u\"}, {\"id\": \"U\"}]}", "$.users[1].id", "duplicate id")]
    [InlineData("{\"tenantId\": \"t\", \"conditionalAccessPolicies\": [{\"id\": \"p\", \"state\": \"on\", \"conditions\": {\"users\": {}}}]}", "$.conditionalAccessPolicies[0].state", "'on' is not one of")]
    [InlineData("{\"tenantId\": \"t\", \"conditionalAccessPolicies\": [{\"id\": \"p\", \"state\": \"enabled\"}]}", "$.conditionalAccessPolicies[0]", "'conditions' is missing")]
    [InlineData("{\"tenantId\": \"t\", \"groups\": [{\"id\": \"g\", \"members\": [{\"@odata.type\": \"#microsoft.graph.user\", \"id\": \"ghost\"}]}]}", "$.groups[0].members[0].id", "'ghost' is not in the snapshot")]
    [InlineData("{\"tenantId\": \"t\", \"groups\": [{\"id\": \"g\", \"members\": [{\"id\": \"u\"}]}]}", "$.groups[0].members[0]['@odata.type']", "required")]
    [InlineData("{\"tenantId\": \"t\", \"roleAssignments\": [{\"principalId\": \"ghost\", \"roleDefinitionId\": \"r\"}]}", "$.roleAssignments[0].principalId", "'ghost' is not a user, group or service principal")]
    [InlineData("{\"tenantId\": \"t\", \"users\": [{\"id\": \"u\"}], \"roleDefinitions\": [{\"id\": \"r\"}], \"roleEligibilitySchedules\": [{\"principalId\": \"u\", \"roleDefinitionId\": \"x\"}]}", "$.roleEligibilitySchedules[0].roleDefinitionId", "'x' is not in roleDefinitions")]
    [InlineData("{\"tenantId\": \"t\", \"roleEligibilitySchedules\": [{\"principalId\": \"u\", \"roleDefinitionId\": \"x\", \"endDateTime\": \"soon\"}]}", "$.roleEligibilitySchedules[0].endDateTime", "ISO 8601")]
    public void Bad_snapshots_name_the_file_the_path_and_the_problem(string json, string path, string problem)
    {
        var error = Assert.Throws<InvalidInputException>(() => Read(json));

        Assert.Equal(("tenant.json", path), (error.InputSource, error.JsonPath));
        Assert.Contains(problem, error.Problem);
    }
}
