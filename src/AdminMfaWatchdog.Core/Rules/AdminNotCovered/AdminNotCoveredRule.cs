using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Core.Rules.AdminNotCovered;

public sealed class AdminNotCoveredRule : IRule
{
    public RuleMetadata Metadata { get; } = new(
        "admin-not-covered",
        "Administrator not forced through MFA",
        Severity.Critical,
        "An administrator whom no enabled Conditional Access policy forces through MFA can sign in with a password alone; a phished or sprayed password is then enough to take over the tenant.",
        "When the cause is a role missing from the watched role-targeted policy, add that role to its includeRoles; otherwise alert only.",
        CanRemediate: true,
        "https://learn.microsoft.com/entra/identity/conditional-access/policy-old-require-mfa-admin");

    public IEnumerable<Finding> Detect(RuleContext context) =>
        context.Admins.Where(a => a.Coverage == Coverage.NotCovered)
            .Select(admin => context.AdminFinding(Metadata, admin, "can sign in without MFA"));
}
