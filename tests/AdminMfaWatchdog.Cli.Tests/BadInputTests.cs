namespace AdminMfaWatchdog.Cli.Tests;

/// <summary>Every bad input: one clear message naming the file and JSON path, exit 2, nothing written.</summary>
public sealed class BadInputTests
{
    private const string Tenant = """
        {
          "tenantId": "84bd8158-6d4d-4958-8b9f-9d6445542f95",
          "users": [{ "id": "ace08ec9-aa11-4ada-9145-addf0398233e", "userPrincipalName": "joey@contoso.example" }],
          "groups": [{ "id": "9a3d526c-b3c1-4479-ba74-197b5c5751ae", "displayName": "Service accounts", "members": [] }]
        }
        """;

    public static TheoryData<string, string?, string> Cases => new()
    {
        { "{ not json", null, "tenant.json: $: not valid JSON" },
        { """{"tenantId": ["t"]}""", null, "tenant.json: $.tenantId: expected a string, found an array" },
        { Tenant.Replace("\"members\": []", "\"members\": [{\"@odata.type\": \"#microsoft.graph.user\", \"id\": \"0d0d0d0d-0000-4000-8000-000000000000\"}]"), null,
          "tenant.json: $.groups[0].members[0].id: User '0d0d0d0d-0000-4000-8000-000000000000' is not in the snapshot" },
        { Tenant, "{ \"watchedPolicyIds\": [], }  // trailing comma and comment are fine\n{", "config.json: $: not valid JSON" },
        { Tenant, """{"serviceAccount": {}}""", "config.json: $.serviceAccount: unknown key 'serviceAccount'" },
        { Tenant, """{"serviceAccounts": {"userPrincipalNamePatterns": ["svc-*@*"]}}""", "config.json: $.serviceAccounts.exclusionGroupId: required" },
        { Tenant, """{"serviceAccounts": {"exclusionGroupId": "5b5b5b5b-0000-4000-8000-000000000000"}}""",
          "config.json: $.serviceAccounts.exclusionGroupId: group '5b5b5b5b-0000-4000-8000-000000000000' does not exist in tenant 84bd8158-6d4d-4958-8b9f-9d6445542f95" },
        { Tenant, """{"breakGlassAccounts": ["bg01@contoso.example"]}""", "config.json: $.breakGlassAccounts[0]: break-glass account 'bg01@contoso.example' does not exist" },
        { Tenant, """{"remediation": {"maxActionsPerRun": true}}""", "config.json: $.remediation.maxActionsPerRun: expected a whole number, found a boolean" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_named_exit_2_and_nothing_is_written(string tenant, string? config, string message)
    {
        using var folder = new TempFolder();
        var output = folder.File("report.json");
        var args = new List<string> { "scan", "--snapshot", folder.File("tenant.json", tenant), "--output", output, "--format", "json" };
        if (config is not null) args.AddRange(["--config", folder.File("config.json", config)]);

        var result = await CliRunner.RunAsync([.. args]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        var error = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.StartsWith($"error: {folder.Path}/", error);
        Assert.Contains(message, error);
        Assert.Equal("", result.Stdout);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task A_missing_file_is_bad_input()
    {
        var result = await CliRunner.RunAsync("scan", "--snapshot", "/nonexistent/tenant.json");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("/nonexistent/tenant.json: $: file not found", result.Stderr);
    }

    [Theory]
    [InlineData("scan", "--format", "xml")]
    [InlineData("scan", "--snapshott", "x.json")]
    [InlineData("scna")]
    public async Task A_command_line_mistake_is_bad_input(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.StartsWith("error: ", result.Stderr);
        Assert.Equal("", result.Stdout);
    }
}
