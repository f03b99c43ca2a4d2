using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Core.ConditionalAccess;

public enum DimensionKind { Resource, ClientApp, Platform, Location, SignInRisk, UserRisk, AuthenticationFlow, DeviceFilter }

public sealed record DimensionValue(string Key, string Label);

public sealed record Dimension(DimensionKind Kind, string Name, IReadOnlyList<DimensionValue> Values);

/// <summary>
/// Every sign-in situation that Conditional Access conditions can tell apart (DESIGN.md "Coverage
/// semantics"): resource, client app type, platform, location, sign-in and user risk, authentication
/// flow, and one matching / not-matching axis per distinct device filter. A policy's conditions select
/// a box in this space: on each dimension, the set of values it applies to.
/// </summary>
public sealed class SignInSpace
{
    public const string OtherApps = "*otherApps";
    public const string UnnamedLocation = "*unnamedLocation";

    private static readonly string[] ClientApps = ["browser", "mobileAppsAndDesktopClients", "exchangeActiveSync", "other"];
    private static readonly string[] Platforms = ["android", "iOS", "windows", "macOS", "linux", "windowsPhone", "unknown"];
    private static readonly string[] RiskLevels = ["none", "low", "medium", "high"];
    private static readonly string[] Flows = ["none", "deviceCodeFlow", "authenticationTransfer"];
    private static readonly HashSet<string> AppKeywords = new(StringComparer.OrdinalIgnoreCase) { "All", "None", "Office365", "MicrosoftAdminPortals" };

    private readonly TenantDirectory _directory;
    private readonly Dictionary<string, int> _deviceFilterDimension = new(StringComparer.Ordinal);

    private SignInSpace(TenantDirectory directory, IReadOnlyList<Dimension> dimensions)
    {
        _directory = directory;
        Dimensions = dimensions;
        for (var d = 0; d < dimensions.Count; d++)
        {
            if (dimensions[d].Kind == DimensionKind.DeviceFilter) _deviceFilterDimension[dimensions[d].Name] = d;
        }
    }

    public IReadOnlyList<Dimension> Dimensions { get; }

    public static SignInSpace For(TenantDirectory directory)
    {
        var policies = directory.Snapshot.ConditionalAccessPolicies;
        var apps = policies.SelectMany(p => p.Applications.IncludeApplications.Concat(p.Applications.ExcludeApplications))
            .Where(a => !AppKeywords.Contains(a)).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(a => new DimensionValue(a, $"app {a}"));
        var locationIds = directory.Snapshot.NamedLocations.Select(l => l.Id)
            .Concat(policies.SelectMany(p => p.Locations is { } l ? l.Include.Concat(l.Exclude) : []))
            .Where(id => id is not "All" and not "AllTrusted").Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(id => directory.FindNamedLocation(id) is { } l
                ? new DimensionValue(l.Id, $"'{l.Label}'{(l.IsTrusted ? " (trusted)" : "")}")
                : new DimensionValue(id, $"'{id}' (unknown named location)"));

        var dimensions = new List<Dimension>
        {
            new(DimensionKind.Resource, "cloud apps",
                [new(OtherApps, "other cloud apps"), new("Office365", "Office 365"), new("MicrosoftAdminPortals", "Microsoft Admin Portals"), .. apps]),
            new(DimensionKind.ClientApp, "client app types", ClientApps.Select(Plain).ToArray()),
            new(DimensionKind.Platform, "device platforms", Platforms.Select(Plain).ToArray()),
            new(DimensionKind.Location, "locations", [.. locationIds, new(UnnamedLocation, "unnamed untrusted IP addresses")]),
            new(DimensionKind.SignInRisk, "sign-in risk", RiskLevels.Select(Plain).ToArray()),
            new(DimensionKind.UserRisk, "user risk", RiskLevels.Select(Plain).ToArray()),
            new(DimensionKind.AuthenticationFlow, "authentication flows", Flows.Select(Plain).ToArray()),
        };
        foreach (var rule in policies.Select(p => p.DeviceFilter?.Rule).OfType<string>().Distinct(StringComparer.Ordinal))
            dimensions.Add(new Dimension(DimensionKind.DeviceFilter, rule, [new("match", "matching"), new("noMatch", "not matching")]));
        return new SignInSpace(directory, dimensions);

        static DimensionValue Plain(string v) => new(v, v);
    }

    /// <summary>The situations a policy's conditions (not its users) select: one value mask per dimension.</summary>
    public bool[][] BoxOf(ConditionalAccessPolicy policy)
    {
        var box = Dimensions.Select(d => new bool[d.Values.Count]).ToArray();
        for (var d = 0; d < Dimensions.Count; d++)
        {
            var dimension = Dimensions[d];
            for (var v = 0; v < dimension.Values.Count; v++)
                box[d][v] = Selects(policy, dimension, dimension.Values[v].Key, d);
        }
        return box;
    }

    private bool Selects(ConditionalAccessPolicy policy, Dimension dimension, string value, int dimensionIndex) => dimension.Kind switch
    {
        DimensionKind.Resource => SelectsResource(policy.Applications, value),
        DimensionKind.ClientApp => policy.ClientAppTypes.Count == 0 || Has(policy.ClientAppTypes, "all") || Has(policy.ClientAppTypes, value)
            || (value == "exchangeActiveSync" && Has(policy.ClientAppTypes, "easSupported")),
        DimensionKind.Platform => SelectsIncludeExclude(policy.Platforms, value, all: "all", trusted: null),
        DimensionKind.Location => SelectsIncludeExclude(policy.Locations, value, all: "All", trusted: "AllTrusted"),
        DimensionKind.SignInRisk => policy.SignInRiskLevels.Count == 0 || Has(policy.SignInRiskLevels, value),
        DimensionKind.UserRisk => policy.UserRiskLevels.Count == 0 || Has(policy.UserRiskLevels, value),
        DimensionKind.AuthenticationFlow => policy.AuthenticationFlowTransferMethods.Count == 0 || Has(policy.AuthenticationFlowTransferMethods, value),
        DimensionKind.DeviceFilter => policy.DeviceFilter is not { } filter || _deviceFilterDimension[filter.Rule] != dimensionIndex
            || (filter.Mode == DeviceFilterMode.Include) == (value == "match"),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    private static bool SelectsResource(ApplicationConditions apps, string value)
    {
        bool Names(IReadOnlyList<string> list) => Has(list, value) || Has(list, "All");
        return Names(apps.IncludeApplications) && !Names(apps.ExcludeApplications);
    }

    private bool SelectsIncludeExclude(IncludeExclude? condition, string value, string all, string? trusted)
    {
        if (condition is null) return true;
        bool Names(IReadOnlyList<string> list) =>
            Has(list, all) || Has(list, value)
            || (trusted is not null && Has(list, trusted) && _directory.FindNamedLocation(value)?.IsTrusted == true);
        var included = condition.Include.Count == 0 || Names(condition.Include);
        return included && !Names(condition.Exclude);
    }

    private static bool Has(IReadOnlyList<string> values, string value) => values.Contains(value, StringComparer.OrdinalIgnoreCase);
}
