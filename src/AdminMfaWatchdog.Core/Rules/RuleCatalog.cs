using AdminMfaWatchdog.Core.Rules.AdminNotCovered;
using AdminMfaWatchdog.Core.Rules.AdminPartiallyCovered;
using AdminMfaWatchdog.Core.Rules.BreakGlassNotExcluded;
using AdminMfaWatchdog.Core.Rules.ExclusionGroupNotExcluded;
using AdminMfaWatchdog.Core.Rules.PolicyMissing;
using AdminMfaWatchdog.Core.Rules.PolicyNotEnabled;
using AdminMfaWatchdog.Core.Rules.ServiceAccountNotExcluded;
using AdminMfaWatchdog.Core.Rules.UnexpectedExclusion;

namespace AdminMfaWatchdog.Core.Rules;

/// <summary>The rules, in the order DESIGN.md lists them. Ids are stable: configuration and the ledger use them.</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<IRule> All { get; } =
    [
        new AdminNotCoveredRule(),
        new AdminPartiallyCoveredRule(),
        new ServiceAccountNotExcludedRule(),
        new UnexpectedExclusionRule(),
        new ExclusionGroupNotExcludedRule(),
        new PolicyNotEnabledRule(),
        new PolicyMissingRule(),
        new BreakGlassNotExcludedRule(),
    ];

    public static IRule? Find(string ruleId) => All.FirstOrDefault(r => r.Metadata.Id == ruleId);
}
