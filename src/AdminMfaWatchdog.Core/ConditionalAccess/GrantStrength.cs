using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Core.ConditionalAccess;

/// <summary>
/// Whether a grant forces MFA; whether it offers MFA at all (mfa or an MFA strength, even beside an
/// alternative) or blocks; and how a person would read it ("mfa OR compliantDevice").
/// </summary>
public sealed record GrantVerdict(bool IsMfaGrade, bool OffersMfa, bool Blocks, string Description)
{
    /// <summary>A policy that says anything about MFA: its state and conditions matter to coverage.</summary>
    public bool IsMfaRelated => OffersMfa || Blocks;
}

/// <summary>
/// DESIGN.md "Grant is MFA-grade": <c>block</c>, <c>mfa</c>, or an authentication strength satisfying
/// <c>mfa</c> whose combinations are all multifactor. With <c>OR</c> every offered control must be
/// MFA-grade (any other one lets the user in without MFA); with <c>AND</c> one is enough.
/// </summary>
public static class GrantStrength
{
    // authenticationMethodModes that prove one factor only (Graph v1.0 enum).
    private static readonly HashSet<string> SingleFactorModes = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "voice", "sms", "email", "hardwareOath", "softwareOath",
        "x509CertificateSingleFactor", "federatedSingleFactor",
    };

    // Microsoft's built-in strengths: Multifactor, Passwordless MFA, Phishing-resistant MFA.
    private static readonly HashSet<string> BuiltInMfaStrengthIds = new(StringComparer.OrdinalIgnoreCase)
    {
        "00000000-0000-0000-0000-000000000002", "00000000-0000-0000-0000-000000000003", "00000000-0000-0000-0000-000000000004",
    };

    public static GrantVerdict Evaluate(GrantControls? grant, TenantDirectory directory)
    {
        if (grant is null) return new GrantVerdict(false, false, false, "no grant controls");

        var controls = new List<(string Name, bool MfaGrade)>();
        controls.AddRange(grant.BuiltInControls.Select(c => (c, c is "block" or "mfa")));
        if (grant.AuthenticationStrength is { } strength)
        {
            var (mfa, name) = EvaluateStrength(strength, directory);
            controls.Add(($"authentication strength {name}", mfa));
        }
        controls.AddRange(grant.CustomAuthenticationFactors.Select(c => ($"custom control {c}", false)));
        controls.AddRange(grant.TermsOfUse.Select(t => ($"terms of use {t}", false)));

        if (controls.Count == 0) return new GrantVerdict(false, false, false, "no grant controls");
        var isAnd = string.Equals(grant.Operator, "AND", StringComparison.OrdinalIgnoreCase);
        var description = string.Join(isAnd ? " AND " : " OR ", controls.Select(c => c.Name));
        var mfaGrade = isAnd ? controls.Any(c => c.MfaGrade) : controls.All(c => c.MfaGrade);
        var blocks = grant.BuiltInControls.Contains("block", StringComparer.OrdinalIgnoreCase);
        var offersMfa = controls.Any(c => c.MfaGrade && c.Name != "block");
        return new GrantVerdict(mfaGrade, offersMfa, blocks, description);
    }

    private static (bool MfaGrade, string Name) EvaluateStrength(AuthenticationStrengthReference reference, TenantDirectory directory)
    {
        var known = directory.FindStrength(reference.Id);
        var name = $"'{reference.DisplayName ?? known?.DisplayName ?? reference.Id}'";
        var requirements = reference.RequirementsSatisfied ?? known?.RequirementsSatisfied;
        var combinations = reference.AllowedCombinations ?? known?.AllowedCombinations;
        if (requirements is null) return (BuiltInMfaStrengthIds.Contains(reference.Id), name);
        var satisfiesMfa = requirements.Contains("mfa", StringComparer.OrdinalIgnoreCase);
        var offersSingleFactor = combinations?.Any(c => SingleFactorModes.Contains(c.Trim())) == true;
        return (satisfiesMfa && !offersSingleFactor, name);
    }
}
