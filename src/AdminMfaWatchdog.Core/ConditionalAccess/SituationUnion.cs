namespace AdminMfaWatchdog.Core.ConditionalAccess;

/// <summary>
/// Whether a union of boxes covers the whole sign-in space, and which values of each dimension occur
/// in a covered or an uncovered situation. Splits one dimension at a time, merging values that no
/// box tells apart, and stops early where a box covers everything left or no box remains; results
/// are memoised per (dimension, remaining boxes), so a handful of policies costs a handful of steps.
/// </summary>
public sealed class SituationUnion
{
    private readonly int[] _sizes;
    private readonly IReadOnlyList<bool[][]> _boxes;
    private readonly bool[][] _fullFrom;
    private readonly Dictionary<string, Part> _memo = new(StringComparer.Ordinal);

    private SituationUnion(int[] sizes, IReadOnlyList<bool[][]> boxes)
    {
        _sizes = sizes;
        _boxes = boxes;
        _fullFrom = boxes.Select(box =>
        {
            var full = new bool[sizes.Length + 1];
            full[sizes.Length] = true;
            for (var d = sizes.Length - 1; d >= 0; d--) full[d] = full[d + 1] && box[d].All(v => v);
            return full;
        }).ToArray();
    }

    public sealed record Result(bool AnyCovered, bool AnyUncovered, bool[][] CoveredValues, bool[][] UncoveredValues)
    {
        public bool FullyCovered => AnyCovered && !AnyUncovered;
    }

    public static Result Compute(IReadOnlyList<int> dimensionSizes, IReadOnlyList<bool[][]> boxes)
    {
        var union = new SituationUnion(dimensionSizes.ToArray(), boxes);
        var part = union.Solve(0, Enumerable.Range(0, boxes.Count).ToArray());
        return new Result(part.AnyCovered, part.AnyUncovered, part.Covered, part.Uncovered);
    }

    private sealed record Part(bool AnyCovered, bool AnyUncovered, bool[][] Covered, bool[][] Uncovered);

    private Part Solve(int dimension, int[] active)
    {
        if (active.Length == 0) return Uniform(dimension, covered: false);
        if (active.Any(b => _fullFrom[b][dimension])) return Uniform(dimension, covered: true);

        var key = dimension + ":" + string.Join(',', active);
        if (_memo.TryGetValue(key, out var known)) return known;

        var covered = NewMasks();
        var uncovered = NewMasks();
        bool anyCovered = false, anyUncovered = false;
        foreach (var (values, boxes) in ValueClasses(dimension, active))
        {
            var part = Solve(dimension + 1, boxes);
            anyCovered |= part.AnyCovered;
            anyUncovered |= part.AnyUncovered;
            foreach (var v in values)
            {
                covered[dimension][v] |= part.AnyCovered;
                uncovered[dimension][v] |= part.AnyUncovered;
            }
            for (var d = dimension + 1; d < _sizes.Length; d++)
            {
                for (var v = 0; v < _sizes[d]; v++)
                {
                    covered[d][v] |= part.Covered[d][v];
                    uncovered[d][v] |= part.Uncovered[d][v];
                }
            }
        }
        return _memo[key] = new Part(anyCovered, anyUncovered, covered, uncovered);
    }

    /// <summary>The values of a dimension grouped by which of the active boxes select them.</summary>
    private IEnumerable<(List<int> Values, int[] Boxes)> ValueClasses(int dimension, int[] active)
    {
        var classes = new Dictionary<string, (List<int> Values, int[] Boxes)>(StringComparer.Ordinal);
        for (var v = 0; v < _sizes[dimension]; v++)
        {
            var selecting = active.Where(b => _boxes[b][dimension][v]).ToArray();
            var signature = string.Join(',', selecting);
            if (!classes.TryGetValue(signature, out var entry)) classes[signature] = entry = ([], selecting);
            entry.Values.Add(v);
        }
        return classes.Values;
    }

    private Part Uniform(int dimension, bool covered)
    {
        var all = NewMasks();
        for (var d = dimension; d < _sizes.Length; d++) Array.Fill(all[d], true);
        return covered ? new Part(true, false, all, NewMasks()) : new Part(false, true, NewMasks(), all);
    }

    private bool[][] NewMasks() => _sizes.Select(size => new bool[size]).ToArray();
}
