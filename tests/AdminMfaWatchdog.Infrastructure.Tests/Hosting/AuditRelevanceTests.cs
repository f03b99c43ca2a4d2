using AdminMfaWatchdog.Infrastructure.Graph;
using AdminMfaWatchdog.Infrastructure.Hosting.Audit;

namespace AdminMfaWatchdog.Infrastructure.Tests.Hosting;

/// <summary>Which audit entries make the poller queue a scan: those that can change an admin's coverage, and no others.</summary>
public sealed class AuditRelevanceTests
{
    [Theory]
    [InlineData("Policy", "Update conditional access policy", true)]
    [InlineData("Policy", "Delete Conditional Access policy", true)]
    [InlineData("Policy", "Update named location", true)]
    [InlineData("Policy", "Add authentication strength policy", true)]
    [InlineData("Policy", "Update authorization policy", false)]
    [InlineData("RoleManagement", "Add member to role", true)]
    [InlineData("RoleManagement", "Add eligible member to role in PIM completed (permanent)", true)]
    [InlineData("GroupManagement", "Add member to group", true)]
    [InlineData("GroupManagement", "Remove member from group", true)]
    [InlineData("GroupManagement", "Update group", false)]
    [InlineData("UserManagement", "Update user", false)]
    public void An_entry_matters_when_it_can_change_coverage(string category, string activity, bool matters) =>
        Assert.Equal(matters, AuditRelevance.Matters(new DirectoryAuditEntry("id", DateTimeOffset.UnixEpoch, category, activity, [])));
}
