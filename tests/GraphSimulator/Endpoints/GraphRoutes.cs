using GraphSimulator.ChangeTracking;
using GraphSimulator.Pipeline;
using GraphSimulator.Routing;
using GraphSimulator.State;

namespace GraphSimulator.Endpoints;

/// <summary>Every Graph endpoint the simulator serves. A new area (e.g. subscriptions) is one more line here.</summary>
internal static class GraphRoutes
{
    public static void Map(RouteTable routes, RequestPipeline pipeline, TenantState state, SimulatorOptions options, TimeProvider time,
        ChangeTrackingServices tracking)
    {
        var responder = new EntityResponder(state, options);
        new ConditionalAccessEndpoints(state, responder, tracking.Directory, tracking.Audit, time).Map(routes);
        new RoleManagementEndpoints(responder, options).Map(routes);
        new DirectoryEndpoints(responder, options).Map(routes);
        new DirectoryActionEndpoints(state, options).Map(routes);
        new GroupMemberWriteEndpoints(tracking.Directory).Map(routes);
        new MailEndpoints(state, time).Map(routes);
        new SubscriptionEndpoints(state, tracking.Subscriptions, tracking.Handshake, time).Map(routes);
        new AuditLogEndpoints(state, options, time).Map(routes);
        new BatchEndpoint(pipeline).Map(routes);
    }
}
