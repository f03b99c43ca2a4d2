using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Tests.Kit;

namespace AdminMfaWatchdog.Core.Tests.Engine;

/// <summary>The report's expected-vs-actual panel: what it says about each account and policy.</summary>
public sealed class ExclusionReviewTests
{
    private readonly TenantBuilder _tenant = new();

    [Fact]
    public void Each_service_account_and_group_member_is_placed_once_with_why_it_is_expected_and_how_it_is_there()
    {
        var inPlace = _tenant.User("svc-backup");
        var missing = _tenant.User("svc-sync");
        var intruder = _tenant.User("mallory");
        var retired = _tenant.User("svc-old", enabled: false);
        var nested = _tenant.Group("IT automation", intruder);
        var group = _tenant.Group("MFA exclusions", inPlace, nested, retired);
        _tenant.Policy(Policies.ForAllUsers("CA002").ExcludeGroups(group.Id));
        _tenant.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator));

        var review = _tenant.Evaluate(Configs.WithServiceAccounts(group.Id, patterns: ["svc-*@*"])).Exclusions.ExclusionGroup!;

        Assert.Equal("MFA exclusions", review.GroupName);
        Assert.Equal(
            [(missing.Id, ExclusionState.Missing), (intruder.Id, ExclusionState.Unexpected), (inPlace.Id, ExclusionState.InPlace), (retired.Id, ExclusionState.AccountDisabled)],
            review.Accounts.Select(a => (a.UserId, a.State)));
        var viaNesting = review.Accounts.Single(a => a.UserId == intruder.Id);
        Assert.Null(viaNesting.ExpectedAs);
        Assert.Equal("mallory@contoso.example -> 'IT automation' -> 'MFA exclusions'", viaNesting.MemberThrough);
        Assert.Equal("service account (userPrincipalName matches 'svc-*@*')", review.Accounts.Single(a => a.UserId == missing.Id).ExpectedAs);
        Assert.Equal([("CA002", true), ("CA001", false)], review.Policies.Select(p => (p.PolicyName, p.ExcludesGroup)));
    }

    [Fact]
    public void Without_a_service_accounts_section_there_is_no_group_to_review()
    {
        _tenant.User("svc-backup");

        Assert.Null(_tenant.Evaluate().Exclusions.ExclusionGroup);
    }

    [Fact]
    public void A_break_glass_account_is_locked_out_by_an_enabled_policy_at_risk_from_a_report_only_one_and_fine_when_excluded_from_all()
    {
        var lockedOut = _tenant.User("bg01");
        var atRisk = _tenant.User("bg02");
        var excluded = _tenant.User("bg03");
        var disabled = _tenant.User("bg04", enabled: false);
        _tenant.Policy(Policies.ForAllUsers("CA002 all users").ExcludeUsers(atRisk.Id, excluded.Id, disabled.Id));
        _tenant.Policy(Policies.ForAllUsers("CA005 pilot").ExcludeUsers(lockedOut.Id, excluded.Id, disabled.Id).WithState(PolicyState.EnabledForReportingButNotEnforced));
        var config = Configs.Default with { BreakGlassAccounts = [lockedOut.Id, atRisk.Id, excluded.Id, disabled.Id] };

        var review = _tenant.Evaluate(config).Exclusions.BreakGlass;

        Assert.Equal(
            [(lockedOut.Id, BreakGlassState.LockedOut), (atRisk.Id, BreakGlassState.AtRiskWhenEnabled), (excluded.Id, BreakGlassState.ExcludedEverywhere), (disabled.Id, BreakGlassState.AccountDisabled)],
            review.Select(b => (b.UserId, b.State)));
        var policy = Assert.Single(review[0].AppliesThrough);
        Assert.Equal(("CA002 all users", "'CA002 all users' applies (includes All users)"), (policy.PolicyName, policy.Explanation));
    }

    [Fact]
    public void The_review_stays_out_of_the_json_contract()
    {
        var report = new ScanReport(TenantBuilder.TenantId, "scan-1", TenantBuilder.Now, TenantBuilder.Now, true, [], [], [])
        {
            Exclusions = new ExclusionReview(null, []),
        };

        Assert.DoesNotContain("exclusions", ScanReportJson.Serialize(report), StringComparison.OrdinalIgnoreCase);
    }
}
