namespace GraphSimulator.ChangeTracking;

/// <summary>
/// The identities the simulator reports, since it checks no token: every Graph call comes from one
/// app (subscriptions' applicationId and creatorId, audit entries' initiatedBy.app), and every
/// control-API change from one admin in the portal.
/// </summary>
public static class SimulatedApp
{
    public const string ApplicationId = "5e1a7c3b-0d2f-4a6e-9b8c-1f2e3d4c5b6a";
    public const string ServicePrincipalId = "8d4b2f1e-6c3a-4e5d-a7b9-0c1d2e3f4a5b";
    public const string DisplayName = "Graph simulator caller";
    public const string PortalAdminId = "2b7e9c4d-1a3f-4c6e-8d0b-5f9a7c3e1d2b";
    public const string PortalAdminUserPrincipalName = "portal-admin@simulator.invalid";
}
