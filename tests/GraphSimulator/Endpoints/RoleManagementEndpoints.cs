using GraphSimulator.Routing;
using GraphSimulator.State;

namespace GraphSimulator.Endpoints;

/// <summary>
/// <c>/roleManagement/directory</c>: role definitions, active assignments and eligibility schedule
/// instances, with <c>$filter</c> (eq, in, and/or on roleDefinitionId, principalId, directoryScopeId...)
/// and <c>$expand=principal</c> / <c>roleDefinition</c>.
/// </summary>
internal sealed class RoleManagementEndpoints(EntityResponder responder, SimulatorOptions options)
{
    private const string Root = "/roleManagement/directory";

    public void Map(RouteTable routes)
    {
        var definitions = new CollectionSpec("roleManagement/directory/roleDefinitions", DefaultPageSize: null);
        var expansions = new Dictionary<string, Expansion>(StringComparer.OrdinalIgnoreCase)
        {
            ["principal"] = DirectoryExpansions.Principal(options),
            ["roleDefinition"] = DirectoryExpansions.RoleDefinition,
        };
        var assignments = new CollectionSpec("roleManagement/directory/roleAssignments") { Expansions = expansions };
        var eligibilities = new CollectionSpec("roleManagement/directory/roleEligibilityScheduleInstances") { Expansions = expansions };

        responder.MapEntitySet(routes, Root + "/roleDefinitions", definitions, d => d.RoleDefinitions, _ => ODataTypes.RoleDefinition);
        responder.MapEntitySet(routes, Root + "/roleAssignments", assignments, d => d.RoleAssignments, _ => ODataTypes.RoleAssignment);
        responder.MapEntitySet(routes, Root + "/roleEligibilityScheduleInstances", eligibilities, d => d.RoleEligibilitySchedules,
            _ => ODataTypes.RoleEligibilityScheduleInstance);
    }
}
