using AdminMfaWatchdog.Core.Rules;

namespace AdminMfaWatchdog.Core.Tests.Rules;

/// <summary>Each rule lives beside its page, and docs/rules.md lists it with the severity the code uses.</summary>
public sealed class RuleDocumentationTests
{
    private static readonly string RepositoryRoot = FindRoot(AppContext.BaseDirectory);

    public static TheoryData<string> RuleIds => new(RuleCatalog.All.Select(r => r.Metadata.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_its_page_beside_its_code_and_a_row_in_the_index(string ruleId)
    {
        var rule = RuleCatalog.Find(ruleId)!;
        var folder = rule.GetType().Namespace!.Split('.').Last();
        var page = File.ReadAllText(Path.Combine(RepositoryRoot, "src", "AdminMfaWatchdog.Core", "Rules", folder, "README.md"));
        var index = File.ReadAllLines(Path.Combine(RepositoryRoot, "docs", "rules.md"));

        Assert.StartsWith($"# {ruleId}: ", page);
        var row = Assert.Single(index, line => line.StartsWith($"| `{ruleId}` |", StringComparison.Ordinal));
        Assert.Contains($"| {rule.Metadata.Severity.ToString().ToLowerInvariant()}", row);
        Assert.Contains($"Rules/{folder}/README.md", row);
        Assert.Contains(rule.Metadata.CanRemediate ? "| yes" : "| no |", row);
    }

    private static string FindRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AdminMfaWatchdog.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"no AdminMfaWatchdog.sln above {start}");
    }
}
