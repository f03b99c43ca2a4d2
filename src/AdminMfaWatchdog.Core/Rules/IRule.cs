using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Core.Rules;

/// <summary>
/// What a rule is, for people and for the configuration: its stable id, what it checks, why it
/// matters, what remediation does, and where Microsoft documents the control. Each rule's folder
/// holds its README.md, the longer page that docs/rules.md links to.
/// </summary>
public sealed record RuleMetadata(
    string Id,
    string Title,
    Severity Severity,
    string Rationale,
    string Remediation,
    bool CanRemediate,
    string Reference);

/// <summary>One check: detection over the evaluated tenant. Pure: it reads the context, returns findings.</summary>
public interface IRule
{
    RuleMetadata Metadata { get; }

    IEnumerable<Finding> Detect(RuleContext context);
}
