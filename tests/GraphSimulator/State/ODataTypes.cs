namespace GraphSimulator.State;

/// <summary>The <c>@odata.type</c> values of the entities the simulator serves.</summary>
public static class ODataTypes
{
    public const string User = "#microsoft.graph.user";
    public const string Group = "#microsoft.graph.group";
    public const string ServicePrincipal = "#microsoft.graph.servicePrincipal";
    public const string RoleDefinition = "#microsoft.graph.unifiedRoleDefinition";
    public const string RoleAssignment = "#microsoft.graph.unifiedRoleAssignment";
    public const string RoleEligibilityScheduleInstance = "#microsoft.graph.unifiedRoleEligibilityScheduleInstance";
    public const string ConditionalAccessPolicy = "#microsoft.graph.conditionalAccessPolicy";
    public const string NamedLocation = "#microsoft.graph.namedLocation";
    public const string AuthenticationStrengthPolicy = "#microsoft.graph.authenticationStrengthPolicy";

    /// <summary><c>user</c> for <c>#microsoft.graph.user</c>: the form getByIds' <c>types</c> and cast segments use.</summary>
    public static string ShortName(string odataType) => odataType[(odataType.LastIndexOf('.') + 1)..];
}
