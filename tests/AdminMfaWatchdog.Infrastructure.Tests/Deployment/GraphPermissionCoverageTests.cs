namespace AdminMfaWatchdog.Infrastructure.Tests.Deployment;

/// <summary>
/// The least-privilege table of docs/permissions.md matches what the code calls: every request a
/// feature sends is listed in a row that infra/grant-graph-permissions.sh grants for that feature,
/// and every request the table lists is one the code sends (or says here why no scenario sends it).
/// </summary>
public sealed class GraphPermissionCoverageTests
{
    /// <summary>Listed in the table, sent by code that has no scenario yet; each with the reason.</summary>
    private static readonly Dictionary<string, string> NotExercised = new(StringComparer.Ordinal);

    public static TheoryData<string> Scenarios => new(GraphScenarios.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Every_request_of_a_feature_is_allowed_by_the_permissions_granted_for_it(string name)
    {
        var scenario = GraphScenarios.Named(name);
        var granted = GrantScript.Plan(scenario.GrantArguments);
        Assert.Equal(0, granted.ExitCode);
        var allowed = PermissionsTable.Rows.Where(r => granted.Permissions.Contains(r.Permission)).SelectMany(r => r.Requests).ToArray();

        var requests = await scenario.RunAsync();

        Assert.NotEmpty(requests);
        var uncovered = requests.Where(r => !IsBatchEnvelope(r) && !allowed.Any(t => t.Matches(r))).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.True(uncovered.Length == 0, $"sent, but in no row granted with {scenario.GrantArguments}:\n{string.Join('\n', uncovered)}");
    }

    [Fact]
    public async Task Every_request_the_table_lists_is_sent_by_some_feature_or_says_why_not()
    {
        var sent = new List<string>();
        foreach (var scenario in GraphScenarios.All) sent.AddRange(await scenario.RunAsync());

        var unsent = PermissionsTable.AllRequests.Where(t => !sent.Any(t.Matches)).Select(t => t.ToString()).ToArray();

        var unexplained = unsent.Except(NotExercised.Keys).Order(StringComparer.Ordinal).ToArray();
        Assert.True(unexplained.Length == 0, $"listed in docs/permissions.md, sent by no scenario:\n{string.Join('\n', unexplained)}");
        var nowSent = NotExercised.Keys.Except(unsent).Order(StringComparer.Ordinal).ToArray();
        Assert.True(nowSent.Length == 0, $"sent now, so no longer NotExercised:\n{string.Join('\n', nowSent)}");
    }

    [Fact]
    public void The_table_says_why_batch_envelopes_need_no_permission()
    {
        Assert.Contains("`$batch` (`POST /$batch`) needs no permission of its own: each\nrequest inside it needs its own.", PermissionsTable.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_is_matched_to_a_template_one_segment_per_placeholder()
    {
        var template = GraphPathTemplate.Parse("DELETE /groups/{exclusion-group}/members/{user}/$ref?$x=1")!;

        Assert.True(template.Matches("DELETE /groups/9a3d526c/members/bg01@contoso.example/$ref"));
        Assert.False(template.Matches("DELETE /groups/9a3d526c/members/$ref"));
        Assert.False(template.Matches("POST /groups/9a3d526c/members/bg01/$ref"));
        Assert.Null(GraphPathTemplate.Parse("the same …/members/$ref writes"));
    }

    // The envelope is only a carrier: the simulator counts each step inside it as its own request.
    private static bool IsBatchEnvelope(string request) => request == "POST /$batch";
}
