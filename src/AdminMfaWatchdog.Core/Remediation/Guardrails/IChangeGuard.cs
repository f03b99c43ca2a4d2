namespace AdminMfaWatchdog.Core.Remediation.Guardrails;

/// <summary>A guardrail that judges one planned change on its own (DESIGN.md "Guardrails").</summary>
internal interface IChangeGuard
{
    /// <summary>Why the change must not be written (the action becomes <c>blocked</c>), or null.</summary>
    string? Refuse(RemediationChange change);
}
