namespace AdminMfaWatchdog.Core.Directory;

/// <summary>A user as Microsoft Graph describes it, reduced to what coverage depends on.</summary>
public sealed record DirectoryUser(
    string Id,
    string? DisplayName,
    string? UserPrincipalName,
    string? UserType,
    bool AccountEnabled,
    string? EmployeeType)
{
    /// <summary>The name a person recognises: UPN first, then display name, then id.</summary>
    public string Label => UserPrincipalName ?? DisplayName ?? Id;
}

public enum PrincipalKind { User, Group, ServicePrincipal, Other }

/// <summary>A direct member of a group, as <c>members</c> lists it (<c>@odata.type</c> + <c>id</c>).</summary>
public sealed record GroupMember(string Id, PrincipalKind Kind);

public sealed record DirectoryGroup(
    string Id,
    string? DisplayName,
    IReadOnlyList<string> GroupTypes,
    string? MembershipRule,
    bool IsAssignableToRole,
    bool SecurityEnabled,
    IReadOnlyList<GroupMember> Members)
{
    public bool IsDynamic => GroupTypes.Contains("DynamicMembership", StringComparer.OrdinalIgnoreCase);
    public string Label => DisplayName ?? Id;
}

public sealed record ServicePrincipal(string Id, string? DisplayName, string? AppId);

public sealed record RoleDefinition(string Id, string? TemplateId, string? DisplayName, bool IsBuiltIn, bool IsPrivileged)
{
    /// <summary>Built-in roles are addressed by template id everywhere (CA <c>includeRoles</c> included).</summary>
    public string EffectiveTemplateId => TemplateId ?? Id;
}

/// <summary>An active assignment (permanent or currently activated).</summary>
public sealed record RoleAssignment(string PrincipalId, string RoleDefinitionId, string DirectoryScopeId);

/// <summary>A PIM eligibility: the principal may activate the role but does not hold it now.</summary>
public sealed record RoleEligibility(
    string PrincipalId,
    string RoleDefinitionId,
    string DirectoryScopeId,
    DateTimeOffset? StartDateTime,
    DateTimeOffset? EndDateTime)
{
    public bool IsCurrent(DateTimeOffset now) =>
        (StartDateTime is null || StartDateTime <= now) && (EndDateTime is null || EndDateTime > now);
}

public sealed record NamedLocation(string Id, string? DisplayName, bool IsTrusted)
{
    public string Label => DisplayName ?? Id;
}

public sealed record AuthenticationStrengthPolicy(
    string Id,
    string? DisplayName,
    IReadOnlyList<string> RequirementsSatisfied,
    IReadOnlyList<string> AllowedCombinations);
