using System.Globalization;
using System.Text.Json.Nodes;
using GraphSimulator.State;

namespace GraphSimulator.Tests;

/// <summary>Starts a simulator on the sample tenant plus generated users, so that lists span several pages.</summary>
internal static class TestSimulator
{
    public const string JoeyId = "ace08ec9-aa11-4ada-9145-addf0398233e";
    public const string LenaId = "071cc716-8147-4397-a5ba-b2105951cc0b";
    public const string ServiceAccountId = "5f1c2b7e-0a51-4f6e-9a43-6c1f0e2d9b11";
    public const string BreakGlassId = "f7ca74b0-8562-4083-b66c-0476f942cfd0";
    public const string ExclusionGroupId = "9a3d526c-b3c1-4479-ba74-197b5c5751ae";
    public const string AdminGroupId = "0d6a1c2e-7b5f-4c33-9e0e-3f7a2b1c4d55";
    public const string DynamicGroupId = "3c9e4f1a-2b7d-4e8c-a1f0-5d6b7c8e9f00";
    public const string ServicePrincipalId = "c65b94a5-0049-439a-a6fd-bce307077730";
    public const string PolicyId = "4aa7d105-d92b-4c07-9834-0e810ddb89ac";
    public const string GlobalAdminRoleId = "62e90394-69f5-4237-9190-012177145e10";
    public const string UserAdminRoleId = "fe930be7-5e62-47db-91af-98c3a49a38b1";

    /// <summary>The sample tenant's 4 users plus this many generated ones (user-000@contoso.com...).</summary>
    public const int GeneratedUsers = 246;

    public const int TotalUsers = GeneratedUsers + 4;

    public static Task<GraphSimulatorHost> StartAsync(SimulatorOptions? options = null, TimeProvider? time = null) =>
        GraphSimulatorHost.StartAsync(CreateTenant(), options, time);

    public static TenantState CreateTenant()
    {
        var snapshot = TenantState.ParseSnapshot(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sample-tenant.json")));
        var users = snapshot["users"]!.AsArray();
        for (var i = 0; i < GeneratedUsers; i++)
        {
            var n = i.ToString("000", CultureInfo.InvariantCulture);
            users.Add(new JsonObject
            {
                ["id"] = $"00000000-0000-4000-8000-000000000{n}",
                ["displayName"] = $"User {n}",
                ["userPrincipalName"] = $"user-{n}@contoso.com",
                ["accountEnabled"] = i % 10 != 0,
                ["employeeType"] = i % 2 == 0 ? "Employee" : "Contractor",
            });
        }

        return TenantState.FromSnapshot(snapshot);
    }
}
