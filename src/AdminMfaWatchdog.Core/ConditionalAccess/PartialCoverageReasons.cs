namespace AdminMfaWatchdog.Core.ConditionalAccess;

/// <summary>
/// Says where MFA is not enforced, dimension by dimension: a dimension explains the gap when some of
/// its values are always covered ("not enforced from trusted locations", "only on high sign-in risk").
/// </summary>
internal static class PartialCoverageReasons
{
    private static readonly HashSet<string> LegacyClients = ["exchangeActiveSync", "other"];

    public static IEnumerable<string> Describe(SignInSpace space, SituationUnion.Result union)
    {
        var any = false;
        for (var d = 0; d < space.Dimensions.Count; d++)
        {
            var dimension = space.Dimensions[d];
            var uncovered = Values(dimension, union.UncoveredValues[d]);
            var covered = Values(dimension, union.CoveredValues[d]);
            if (uncovered.Count == dimension.Values.Count) continue;
            any = true;
            yield return Phrase(dimension, covered, uncovered);
        }
        if (!any)
            yield return "MFA is enforced only in some combinations of conditions: no single app, client, platform, location, risk or device condition is always covered";
    }

    private static string Phrase(Dimension dimension, List<DimensionValue> covered, List<DimensionValue> uncovered)
    {
        var notList = Join(uncovered);
        var onlyList = Join(covered);
        var preferOnly = covered.Count < uncovered.Count;
        return dimension.Kind switch
        {
            DimensionKind.SignInRisk or DimensionKind.UserRisk =>
                $"MFA enforced only on {onlyList} {dimension.Name}, not on {notList}",
            DimensionKind.Resource when preferOnly => $"MFA enforced only for {onlyList}, not for {notList}",
            DimensionKind.Resource => $"MFA not enforced for {notList}",
            DimensionKind.ClientApp when uncovered.All(v => LegacyClients.Contains(v.Key)) =>
                $"MFA not enforced for client app types {notList}: legacy clients not targeted",
            DimensionKind.ClientApp => $"MFA not enforced for client app types {notList}",
            DimensionKind.Platform when preferOnly => $"MFA enforced only on device platforms {onlyList}, not on {notList}",
            DimensionKind.Platform => $"MFA not enforced on device platforms {notList}",
            DimensionKind.Location when uncovered.All(v => v.Label.EndsWith("(trusted)", StringComparison.Ordinal)) =>
                $"MFA not enforced from trusted locations: {notList}",
            DimensionKind.Location => $"MFA not enforced from locations {notList}",
            DimensionKind.AuthenticationFlow => $"MFA not enforced for authentication flows {notList}",
            DimensionKind.DeviceFilter => $"MFA not enforced on devices {notList} the device filter '{dimension.Name}'",
            _ => $"MFA not enforced for {dimension.Name} {notList}",
        };
    }

    private static List<DimensionValue> Values(Dimension dimension, bool[] mask) =>
        dimension.Values.Where((_, i) => mask[i]).ToList();

    private static string Join(List<DimensionValue> values) => string.Join(", ", values.Select(v => v.Label));
}
