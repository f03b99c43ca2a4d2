using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Core.Rules.UnexpectedExclusion;

public sealed class UnexpectedExclusionRule : IRule
{
    public RuleMetadata Metadata { get; } = new(
        "unexpected-exclusion",
        "Account excluded from MFA that should not be",
        Severity.Medium,
        "Exclusions are where MFA policies quietly decay: a person added to the service-account group, a group nested into it, a name typed into excludeUsers. Only matched service accounts and break-glass accounts belong there. High when the account is an admin.",
        "Remove the account from the exclusion group (members/$ref), then read the group back. Exclusions through excludeUsers or other groups are alerted only.",
        CanRemediate: true,
        "https://learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-users-groups#exclude-users");

    public IEnumerable<Finding> Detect(RuleContext context)
    {
        var directory = context.Directory;
        if (context.Expected.ExclusionGroupId is { } groupId)
        {
            foreach (var (user, path) in directory.TransitiveUsers(groupId))
            {
                if (!IsUnexpected(context, user)) continue;
                // TransitiveUsers gives the groups from the top down; people read a path from the user up.
                yield return Finding(context, user, null,
                    $"{user.Label} is in the service-account exclusion group {directory.GroupLabel(groupId)} but is not a service account",
                    [$"member through {directory.DescribePath(path.Reverse().Prepend(user.Id))}"]);
            }
        }

        foreach (var policy in context.ExistingWatchedPolicies)
        {
            foreach (var user in UnexpectedlyExcluded(context, policy))
            {
                yield return Finding(context, user.User, policy.Id,
                    $"{user.User.Label} is excluded from {policy.Label}", user.Reasons);
            }
        }
    }

    private static IEnumerable<(DirectoryUser User, IReadOnlyList<string> Reasons)> UnexpectedlyExcluded(RuleContext context, ConditionalAccessPolicy policy)
    {
        var directory = context.Directory;
        var reasons = new Dictionary<string, (DirectoryUser User, List<string> Reasons)>(StringComparer.OrdinalIgnoreCase);
        void Add(DirectoryUser user, string reason)
        {
            if (!reasons.TryGetValue(user.Id, out var entry)) reasons[user.Id] = entry = (user, []);
            entry.Reasons.Add(reason);
        }

        foreach (var id in policy.Users.ExcludeUsers)
        {
            if (directory.FindUser(id) is { } user && IsUnexpected(context, user))
                Add(user, $"listed in excludeUsers of {policy.Label}");
        }
        foreach (var admin in context.Admins)
        {
            if (directory.FindUser(admin.Id) is not { } user || !IsUnexpected(context, user)) continue;
            var membership = directory.MembershipOf(user.Id);
            foreach (var excluded in policy.Users.ExcludeGroups)
            {
                if (string.Equals(excluded, context.Expected.ExclusionGroupId, StringComparison.OrdinalIgnoreCase) || !membership.Contains(excluded)) continue;
                Add(user, $"excluded from {policy.Label} through {directory.DescribePath(membership.PathTo(excluded))} (excludeGroups)");
            }
        }
        return reasons.Values.Select(e => (e.User, (IReadOnlyList<string>)e.Reasons));
    }

    private static bool IsUnexpected(RuleContext context, DirectoryUser user) =>
        user.AccountEnabled && context.Expected.Describe(user) is null;

    private Finding Finding(RuleContext context, DirectoryUser user, string? policyId, string summary, IReadOnlyList<string> reasons)
    {
        var isAdmin = context.FindAdmin(user.Id) is not null;
        return context.NewFinding(Metadata, SubjectType.User, user.Id, user.Label, policyId, summary,
            isAdmin ? [.. reasons, "the account holds an administrator role"] : reasons,
            isAdmin ? Severity.High : Severity.Medium);
    }
}
