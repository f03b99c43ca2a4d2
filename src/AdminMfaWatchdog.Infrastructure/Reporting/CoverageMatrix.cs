using System.Text.RegularExpressions;
using AdminMfaWatchdog.Core.Engine;

namespace AdminMfaWatchdog.Infrastructure.Reporting;

/// <summary>
/// Admins x policies, derived from the admins' reasons: the scan report carries no policy list, but the
/// evaluator names every policy it weighed at the start of a reason ("'CA001 ...' does not target",
/// "MFA enforced by 'CA001 ...'", "excluded from 'CA001 ...' through ..."). Columns are the policies
/// named that way, in order of first mention; a policy no reason names is not a column.
/// </summary>
public sealed partial class CoverageMatrix
{
    public IReadOnlyList<string> Policies { get; }

    private readonly Dictionary<(string AdminId, string Policy), Cell> cells;

    private CoverageMatrix(IReadOnlyList<string> policies, Dictionary<(string, string), Cell> cells)
    {
        Policies = policies;
        this.cells = cells;
    }

    /// <summary>What one policy does for one admin: a short label and the evaluator's full reason.</summary>
    public sealed record Cell(string Label, string CssClass, string Reason);

    public static CoverageMatrix From(IEnumerable<AdminCoverage> admins)
    {
        var policies = new List<string>();
        var cells = new Dictionary<(string, string), Cell>();
        foreach (var admin in admins)
        foreach (var reason in admin.Reasons)
        {
            var match = PolicyReason().Match(reason);
            if (!match.Success) continue;
            var policy = match.Groups["policy"].Value;
            if (!policies.Contains(policy)) policies.Add(policy);
            // An admin's first reason about a policy is the verdict the evaluator gave for it.
            cells.TryAdd((admin.Id, policy), Classify(match.Groups["lead"].Value, reason));
        }
        return new CoverageMatrix(policies, cells);
    }

    public Cell? At(string adminId, string policy) => cells.GetValueOrDefault((adminId, policy));

    private static Cell Classify(string lead, string reason) => lead switch
    {
        "MFA enforced by " => new Cell("enforces MFA", "ok", reason),
        "excluded from " => new Cell("excluded", "bad", reason),
        "sign-in blocked by " => new Cell("blocks sign-in", "ok", reason),
        _ when reason.Contains("does not target", StringComparison.Ordinal) => new Cell("not targeted", "none", reason),
        _ => new Cell("applies, no MFA", "warn", reason),
    };

    [GeneratedRegex("^(?<lead>MFA enforced by |excluded from |sign-in blocked by )?'(?<policy>[^']+)'")]
    private static partial Regex PolicyReason();
}
