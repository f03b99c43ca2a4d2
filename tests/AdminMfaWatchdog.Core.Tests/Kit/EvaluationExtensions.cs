using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Core.Tests.Kit;

internal static class EvaluationExtensions
{
    public static AdminCoverage Admin(this Evaluation evaluation, DirectoryUser user) =>
        evaluation.Admins.SingleOrDefault(a => a.Id == user.Id)
        ?? throw new Xunit.Sdk.XunitException($"{user.UserPrincipalName} is not in the admin list: [{string.Join(", ", evaluation.Admins.Select(a => a.UserPrincipalName))}]");

    public static IReadOnlyList<Finding> Of(this Evaluation evaluation, string ruleId) =>
        evaluation.Findings.Where(f => f.RuleId == ruleId).ToArray();

    public static string Explain(this AdminCoverage admin) => $"{admin.Coverage}: {string.Join(" | ", admin.Reasons)}";
}
