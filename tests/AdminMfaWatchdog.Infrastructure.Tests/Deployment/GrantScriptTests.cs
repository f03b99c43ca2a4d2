namespace AdminMfaWatchdog.Infrastructure.Tests.Deployment;

/// <summary>
/// infra/grant-graph-permissions.sh grants what docs/permissions.md says, read from the table itself:
/// each line of the "By mode" table is run through the script and compared.
/// </summary>
public sealed class GrantScriptTests
{
    public static TheoryData<string, string[]> ByModeLines()
    {
        var data = new TheoryData<string, string[]>();
        var previous = Array.Empty<string>();
        foreach (var row in MarkdownTable.Rows(PermissionsTable.Markdown, "You run"))
        {
            var gets = row["The managed identity gets"];
            // "the above + X" builds on the line before it.
            var permissions = (gets.StartsWith("the above", StringComparison.Ordinal) ? previous : [])
                .Concat(MarkdownTable.CodeSpans(gets).Where(p => p.Contains('.', StringComparison.Ordinal))).Distinct().ToArray();
            data.Add(MarkdownTable.CodeSpans(row["You run"]).Single(), permissions);
            previous = permissions;
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ByModeLines))]
    public void The_script_grants_what_the_by_mode_table_promises(string arguments, string[] promised)
    {
        var plan = GrantScript.Plan(arguments);

        Assert.Equal(0, plan.ExitCode);
        Assert.Equal(promised.Order(StringComparer.Ordinal), plan.Permissions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_only_grants_no_permission_that_can_write()
    {
        var plan = GrantScript.Plan("--mode read-only --notifications --email");

        Assert.Equal(0, plan.ExitCode);
        Assert.DoesNotContain(plan.Permissions, p => p.Contains("ReadWrite", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_permission_the_script_can_grant_is_a_row_of_the_table()
    {
        var plan = GrantScript.Plan("--mode remediate --role-assignable-group --email --notifications --without-tenant-id");

        Assert.Equal(0, plan.ExitCode);
        Assert.Equal(
            PermissionsTable.Rows.Select(r => r.Permission).Where(p => p != "RoleEligibilitySchedule.Read.Directory").Order(StringComparer.Ordinal),
            plan.Permissions.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("--mode read-only --role-assignable-group", "only matters with --mode remediate")]
    [InlineData("--mode everything", "--mode must be read-only or remediate")]
    [InlineData("--mode read-only --mail", "unknown option --mail")]
    public void A_choice_that_cannot_be_meant_is_refused_before_anything_is_granted(string arguments, string message)
    {
        var plan = GrantScript.Plan(arguments);

        Assert.Equal((2, 0), (plan.ExitCode, plan.Permissions.Count));
        Assert.Contains(message, plan.Errors, StringComparison.Ordinal);
    }
}
