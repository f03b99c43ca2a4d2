using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;

namespace AdminMfaWatchdog.Core.ConditionalAccess;

/// <summary>
/// Decides, for one admin, whether Conditional Access forces every sign-in through MFA
/// (DESIGN.md "Coverage semantics"): the union of every enabled, applicable, MFA-grade policy must
/// cover every sign-in situation. Policies are prepared once per scan; unions are memoised per set of
/// covering policies, since most admins share the same few.
/// </summary>
public sealed class CoverageEvaluator
{
    private readonly TenantDirectory _directory;
    private readonly ExpectedExclusions _expected;
    private readonly IReadOnlySet<string> _watchedIds;
    private readonly DateTimeOffset _now;
    private readonly SignInSpace _space;
    private readonly PreparedPolicy[] _policies;
    private readonly Dictionary<string, SituationUnion.Result> _unions = new(StringComparer.Ordinal);

    private sealed record PreparedPolicy(ConditionalAccessPolicy Policy, GrantVerdict Grant, bool[][] Box, bool Watched)
    {
        public bool SelectsNoSituation => Box.Any(values => !values.Any(v => v));
    }

    private sealed record Assessment(Coverage Coverage, IReadOnlyList<string> CoveringPolicyIds, IReadOnlyList<string> Reasons);

    public CoverageEvaluator(TenantDirectory directory, ExpectedExclusions expected, IReadOnlySet<string> watchedPolicyIds, DateTimeOffset now)
    {
        _directory = directory;
        _expected = expected;
        _watchedIds = watchedPolicyIds;
        _now = now;
        _space = SignInSpace.For(directory);
        _policies = directory.Snapshot.ConditionalAccessPolicies
            .Select(p => new PreparedPolicy(p, GrantStrength.Evaluate(p.Grant, directory), _space.BoxOf(p), watchedPolicyIds.Contains(p.Id)))
            .ToArray();
    }

    public AdminCoverage Evaluate(Admin admin)
    {
        var user = admin.User;
        if (!user.AccountEnabled)
            return Result(admin, Coverage.Disabled, [], ["account is disabled: it cannot sign in"]);
        if (_expected.Describe(user) is { } expected)
            return Result(admin, Coverage.Exempt, [], [$"{expected}: an expected exclusion, reported under its own rules"]);

        var now = Assess(admin, SignInSubject.For(user, _directory, _now));
        if (now.Coverage != Coverage.Covered && admin.Roles.All(r => r.Assignment == AssignmentKind.Eligible))
        {
            var whenActive = Assess(admin, SignInSubject.For(user, _directory, _now, withEligibleActivated: true));
            if (Rank(whenActive.Coverage) > Rank(now.Coverage))
            {
                var eligible = string.Join(", ", admin.Roles.Select(r => r.DisplayName).Distinct());
                return Result(admin, Coverage.Partial, whenActive.CoveringPolicyIds,
                    [$"covered only while role is active: {eligible} is PIM-eligible, and includeRoles applies only once it is activated",
                     .. whenActive.Reasons]);
            }
        }
        return Result(admin, now.Coverage, now.CoveringPolicyIds, now.Reasons);
    }

    private Assessment Assess(Admin admin, SignInSubject subject)
    {
        var reasons = new List<string>();
        var coveringReasons = new List<string>();
        var covering = new List<int>();
        for (var i = 0; i < _policies.Length; i++)
        {
            var prepared = _policies[i];
            if (!prepared.Watched && !prepared.Grant.IsMfaRelated) continue;
            var policy = prepared.Policy;
            var assignment = PolicyAssignment.Evaluate(policy, subject, _directory);
            if (!assignment.Applies)
            {
                if (assignment.Included) reasons.Add(assignment.Explanation!);
                else if (prepared.Watched) reasons.Add(NotTargeted.Explain(policy, admin, _directory));
                continue;
            }
            if (policy.State != PolicyState.Enabled)
                reasons.Add($"{assignment.Explanation} but is {Describe(policy.State)}: it enforces nothing");
            else if (!prepared.Grant.IsMfaGrade)
                reasons.Add($"{assignment.Explanation} but its grant '{prepared.Grant.Description}' lets the user in without MFA");
            else if (prepared.SelectsNoSituation)
                reasons.Add($"{assignment.Explanation} but its conditions select no app sign-in (user actions or authentication contexts only)");
            else
            {
                covering.Add(i);
                // A block grant covers too (nobody gets in single-factor), but it does not ask for MFA.
                var verb = prepared.Grant.OffersMfa ? "MFA enforced by" : "sign-in blocked by";
                var covers = $"{verb} {assignment.Explanation!.Replace(" applies (", " (", StringComparison.Ordinal)}";
                coveringReasons.Add(covers);
                reasons.Add(covers);
            }
        }

        var coveringIds = covering.Select(i => _policies[i].Policy.Id).ToArray();
        if (covering.Count == 0)
        {
            if (reasons.Count == 0) reasons.Add("no enabled policy requiring MFA applies to this user");
            return new Assessment(Coverage.NotCovered, coveringIds, reasons);
        }
        var union = Union(covering);
        if (union.FullyCovered) return new Assessment(Coverage.Covered, coveringIds, coveringReasons);
        return new Assessment(Coverage.Partial, coveringIds, [.. PartialCoverageReasons.Describe(_space, union), .. reasons]);
    }

    private SituationUnion.Result Union(List<int> covering)
    {
        var key = string.Join(',', covering);
        if (!_unions.TryGetValue(key, out var union))
        {
            union = SituationUnion.Compute(_space.Dimensions.Select(d => d.Values.Count).ToArray(), covering.Select(i => _policies[i].Box).ToArray());
            _unions[key] = union;
        }
        return union;
    }

    private static int Rank(Coverage coverage) => coverage switch
    {
        Coverage.Covered => 2,
        Coverage.Partial => 1,
        _ => 0,
    };

    private static string Describe(PolicyState state) => state switch
    {
        PolicyState.Disabled => "disabled",
        PolicyState.EnabledForReportingButNotEnforced => "report-only (enabledForReportingButNotEnforced)",
        _ => "enabled",
    };

    private static AdminCoverage Result(Admin admin, Coverage coverage, IReadOnlyList<string> coveringPolicyIds, IReadOnlyList<string> reasons) =>
        new(admin.User.Id, admin.User.UserPrincipalName, admin.User.DisplayName, admin.User.AccountEnabled, admin.Roles, coverage,
            coveringPolicyIds, reasons);
}
