using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Core.Engine;

/// <summary>
/// Expected exclusions next to actual ones, as the report page shows them: who should be in the
/// service-account exclusion group and who is, which watched policies exclude that group, and whether
/// each break-glass account is out of every watched policy. The findings say what is wrong; this says
/// what is, including what is right, so an auditor can check the setup at a glance.
/// </summary>
/// <param name="ExclusionGroup">null when the configuration has no <c>serviceAccounts</c> section.</param>
public sealed record ExclusionReview(ExclusionGroupReview? ExclusionGroup, IReadOnlyList<BreakGlassReview> BreakGlass)
{
    public static ExclusionReview Build(TenantDirectory directory, ExpectedExclusions expected, IReadOnlyList<WatchedPolicy> watched, DateTimeOffset now) =>
        new(GroupReview(directory, expected, watched), expected.BreakGlassIds.Select(id => BreakGlassReview.Of(directory.FindUser(id)!, directory, watched, now))
            .OrderBy(b => b.Name, StringComparer.OrdinalIgnoreCase).ToArray());

    private static ExclusionGroupReview? GroupReview(TenantDirectory directory, ExpectedExclusions expected, IReadOnlyList<WatchedPolicy> watched)
    {
        if (expected.ExclusionGroupId is not { } groupId) return null;
        var members = directory.TransitiveUsers(groupId).ToDictionary(m => m.User.Id, m => m.Path, StringComparer.OrdinalIgnoreCase);
        // Everyone expected (matched service accounts) and everyone actually there, once each.
        var accounts = directory.Snapshot.Users
            .Where(user => members.ContainsKey(user.Id) || expected.ServiceAccountMatch(user) is not null)
            .Select(user => new ExclusionCandidate(user.Id, user.Label, user.DisplayName, user.AccountEnabled, expected.Describe(user),
                members.TryGetValue(user.Id, out var path) ? directory.DescribePath(path.Reverse().Prepend(user.Id)) : null))
            .OrderBy(c => c.State).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToArray();
        var policies = watched
            .Select(w => new PolicyExclusion(w.Id, w.Policy?.DisplayName ?? w.Id, w.Policy?.State,
                w.Policy?.Users.ExcludeGroups.Contains(groupId, StringComparer.OrdinalIgnoreCase) ?? false))
            .ToArray();
        return new ExclusionGroupReview(groupId, directory.FindGroup(groupId)?.Label ?? groupId, accounts, policies);
    }
}

/// <param name="Accounts">matched service accounts and transitive members of the group, problems first.</param>
/// <param name="Policies">each watched policy and whether it excludes the group.</param>
public sealed record ExclusionGroupReview(string GroupId, string GroupName, IReadOnlyList<ExclusionCandidate> Accounts, IReadOnlyList<PolicyExclusion> Policies);

/// <summary>Where an account stands against the exclusion group; the order is the order of concern.</summary>
public enum ExclusionState { Missing, Unexpected, InPlace, AccountDisabled }

/// <param name="Name">the UPN, else the display name, else the id.</param>
/// <param name="ExpectedAs">why the account belongs in the group (a service-account match, or break-glass); null when it does not.</param>
/// <param name="MemberThrough">the membership path, user first; null when the account is not in the group.</param>
public sealed record ExclusionCandidate(string UserId, string Name, string? DisplayName, bool AccountEnabled, string? ExpectedAs, string? MemberThrough)
{
    /// <summary>A disabled account cannot sign in, so no rule reports it (DESIGN.md "disabled"); it is shown as such.</summary>
    public ExclusionState State =>
        !AccountEnabled ? ExclusionState.AccountDisabled
        : ExpectedAs is null ? ExclusionState.Unexpected
        : MemberThrough is null ? ExclusionState.Missing
        : ExclusionState.InPlace;
}

/// <param name="State">null when the policy no longer exists.</param>
public sealed record PolicyExclusion(string PolicyId, string PolicyName, PolicyState? State, bool ExcludesGroup);

/// <summary>Whether a break-glass account would get in on the day MFA fails.</summary>
public enum BreakGlassState { LockedOut, AtRiskWhenEnabled, ExcludedEverywhere, AccountDisabled }

/// <param name="AppliesThrough">the watched policies that apply to the account (any state), each with why.</param>
public sealed record BreakGlassReview(string UserId, string Name, string? DisplayName, bool AccountEnabled, IReadOnlyList<BreakGlassPolicy> AppliesThrough)
{
    /// <summary>
    /// Locked out: an enabled watched policy applies. At risk: only a disabled or report-only one does, and
    /// turning it on would lock the account out. A disabled account cannot be used at all in an emergency.
    /// </summary>
    public BreakGlassState State =>
        !AccountEnabled ? BreakGlassState.AccountDisabled
        : AppliesThrough.Any(p => p.State == PolicyState.Enabled) ? BreakGlassState.LockedOut
        : AppliesThrough.Count > 0 ? BreakGlassState.AtRiskWhenEnabled
        : BreakGlassState.ExcludedEverywhere;

    public static BreakGlassReview Of(DirectoryUser user, TenantDirectory directory, IReadOnlyList<WatchedPolicy> watched, DateTimeOffset now)
    {
        var subject = SignInSubject.For(user, directory, now);
        var applying = watched.Select(w => w.Policy).OfType<ConditionalAccessPolicy>()
            .Select(policy => (Policy: policy, Assignment: PolicyAssignment.Evaluate(policy, subject, directory)))
            .Where(p => p.Assignment.Applies)
            .Select(p => new BreakGlassPolicy(p.Policy.Id, p.Policy.DisplayName ?? p.Policy.Id, p.Policy.State, p.Assignment.Explanation!))
            .ToArray();
        return new BreakGlassReview(user.Id, user.Label, user.DisplayName, user.AccountEnabled, applying);
    }
}

public sealed record BreakGlassPolicy(string PolicyId, string PolicyName, PolicyState State, string Explanation);
