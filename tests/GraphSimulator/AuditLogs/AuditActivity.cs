namespace GraphSimulator.AuditLogs;

/// <summary>
/// An audited activity with the exact strings Entra writes (graph-facts 1.2.1), which is what
/// pollers filter on: <c>category eq 'Policy'</c>, <c>activityDisplayName eq 'Update conditional access policy'</c>.
/// </summary>
internal sealed record AuditActivity(string DisplayName, string Category, string LoggedByService, string OperationType)
{
    private const string ConditionalAccess = "Conditional Access";
    private const string CoreDirectory = "Core Directory";

    public static readonly AuditActivity AddPolicy = new("Add conditional access policy", "Policy", ConditionalAccess, "Add");
    public static readonly AuditActivity UpdatePolicy = new("Update conditional access policy", "Policy", ConditionalAccess, "Update");
    public static readonly AuditActivity DeletePolicy = new("Delete conditional access policy", "Policy", ConditionalAccess, "Delete");

    /// <summary>Microsoft documents no name for a restore; this one follows the pattern of the other three.</summary>
    public static readonly AuditActivity RestorePolicy = new("Restore conditional access policy", "Policy", ConditionalAccess, "Update");

    public static readonly AuditActivity AddGroupMember = new("Add member to group", "GroupManagement", CoreDirectory, "Assign");
    public static readonly AuditActivity RemoveGroupMember = new("Remove member from group", "GroupManagement", CoreDirectory, "Unassign");
    public static readonly AuditActivity AddRoleMember = new("Add member to role", "RoleManagement", CoreDirectory, "Assign");
    public static readonly AuditActivity RemoveRoleMember = new("Remove member from role", "RoleManagement", CoreDirectory, "Unassign");
    public static readonly AuditActivity UpdateUser = new("Update user", "UserManagement", CoreDirectory, "Update");
}
