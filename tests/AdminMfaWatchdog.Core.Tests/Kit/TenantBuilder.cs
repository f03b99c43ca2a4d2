using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;

namespace AdminMfaWatchdog.Core.Tests.Kit;

/// <summary>Builds a small tenant for one test: each test states the few objects its case needs.</summary>
/// <param name="idSeed">where generated ids start, so tenants built separately can be merged.</param>
internal sealed class TenantBuilder(int idSeed = 0)
{
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private readonly List<DirectoryUser> _users = [];
    private readonly List<DirectoryGroup> _groups = [];
    private readonly List<RoleDefinition> _roles = [];
    private readonly List<RoleAssignment> _assignments = [];
    private readonly List<RoleEligibility> _eligibilities = [];
    private readonly List<ConditionalAccessPolicy> _policies = [];
    private readonly List<NamedLocation> _locations = [];
    private readonly List<AuthenticationStrengthPolicy> _strengths = [];
    private int _next = idSeed;

    public string NewId() => $"00000000-0000-4000-8000-{++_next:D12}";

    public DirectoryUser User(string name, bool enabled = true, string userType = "Member", string? employeeType = null, string? upn = null)
    {
        var user = new DirectoryUser(NewId(), name, upn ?? $"{name}@contoso.example", userType, enabled, employeeType);
        _users.Add(user);
        return user;
    }

    public DirectoryGroup Group(string name, params object[] members) => AddGroup(name, false, [], members);

    public DirectoryGroup RoleAssignableGroup(string name, params object[] members) => AddGroup(name, true, [], members);

    public DirectoryGroup DynamicGroup(string name, params object[] members) => AddGroup(name, false, ["DynamicMembership"], members);

    /// <summary>Adds a member after the fact (for nesting cycles, which cannot be built in order).</summary>
    public void AddMember(DirectoryGroup group, object member)
    {
        var index = _groups.FindIndex(g => g.Id == group.Id);
        _groups[index] = _groups[index] with { Members = [.. _groups[index].Members, ToMember(member)] };
    }

    public void Assign(object principal, string roleTemplateId, string scope = "/")
    {
        EnsureRole(roleTemplateId);
        _assignments.Add(new RoleAssignment(IdOf(principal), roleTemplateId, scope));
    }

    public void Eligible(object principal, string roleTemplateId, string scope = "/", DateTimeOffset? start = null, DateTimeOffset? end = null)
    {
        EnsureRole(roleTemplateId);
        _eligibilities.Add(new RoleEligibility(IdOf(principal), roleTemplateId, scope, start, end));
    }

    public RoleDefinition CustomRole(string name, bool isPrivileged = true)
    {
        var role = new RoleDefinition(NewId(), null, name, IsBuiltIn: false, isPrivileged);
        _roles.Add(role);
        return role;
    }

    public ConditionalAccessPolicy Policy(ConditionalAccessPolicy policy)
    {
        _policies.Add(policy);
        return policy;
    }

    public NamedLocation Location(string name, bool trusted)
    {
        var location = new NamedLocation(NewId(), name, trusted);
        _locations.Add(location);
        return location;
    }

    public AuthenticationStrengthPolicy Strength(string name, string requirementsSatisfied, params string[] combinations)
    {
        var strength = new AuthenticationStrengthPolicy(NewId(), name, [requirementsSatisfied], combinations);
        _strengths.Add(strength);
        return strength;
    }

    public TenantSnapshot Build() => new(TenantId, _users.ToArray(), _groups.ToArray(), [], _roles.ToArray(),
        _assignments.ToArray(), _eligibilities.ToArray(), _policies.ToArray(), _locations.ToArray(), _strengths.ToArray());

    public Evaluation Evaluate(WatchdogConfig? config = null) => ScanEvaluator.Evaluate(Build(), config ?? WatchdogConfig.Default, Now);

    private DirectoryGroup AddGroup(string name, bool roleAssignable, string[] types, object[] members)
    {
        var group = new DirectoryGroup(NewId(), name, types, null, roleAssignable, true, members.Select(ToMember).ToArray());
        _groups.Add(group);
        return group;
    }

    private void EnsureRole(string roleTemplateId)
    {
        if (_roles.Any(r => r.Id == roleTemplateId)) return;
        _roles.Add(new RoleDefinition(roleTemplateId, roleTemplateId,
            RecommendedAdminRoles.NamesByTemplateId.GetValueOrDefault(roleTemplateId, "Role " + roleTemplateId), IsBuiltIn: true,
            IsPrivileged: RecommendedAdminRoles.TemplateIds.Contains(roleTemplateId)));
    }

    private static GroupMember ToMember(object member) => member switch
    {
        DirectoryUser u => new GroupMember(u.Id, PrincipalKind.User),
        DirectoryGroup g => new GroupMember(g.Id, PrincipalKind.Group),
        _ => throw new ArgumentException($"not a principal: {member}"),
    };

    private static string IdOf(object principal) => principal switch
    {
        DirectoryUser u => u.Id,
        DirectoryGroup g => g.Id,
        RoleDefinition r => r.Id,
        string id => id,
        _ => throw new ArgumentException($"not a principal: {principal}"),
    };
}
