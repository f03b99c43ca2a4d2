using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Core.Rules.AdminPartiallyCovered;

public sealed class AdminPartiallyCoveredRule : IRule
{
    public RuleMetadata Metadata { get; } = new(
        "admin-partially-covered",
        "Administrator forced through MFA only in some sign-ins",
        Severity.High,
        "Attackers pick the sign-in path that is not covered: a trusted location, a legacy client, an app or platform the policy leaves out, or the window before a PIM role is activated.",
        "Alert only: closing the gap means changing policy conditions, which needs a person's judgement.",
        CanRemediate: false,
        "https://learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-conditions");

    public IEnumerable<Finding> Detect(RuleContext context) =>
        context.Admins.Where(a => a.Coverage == Coverage.Partial)
            .Select(admin => context.AdminFinding(Metadata, admin, "is forced through MFA only in some sign-ins"));
}
