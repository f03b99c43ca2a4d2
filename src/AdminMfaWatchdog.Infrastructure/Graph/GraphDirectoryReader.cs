using System.Text;
using System.Text.Json.Nodes;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Json;
using AdminMfaWatchdog.Core.Ports;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace AdminMfaWatchdog.Infrastructure.Graph;

/// <summary>
/// Reads a live tenant into the snapshot contract, in as few round trips as the data allows and
/// never by listing every user: requests grow with admins and the groups policies reference.
/// Conditional Access policies are read in one request per scan (Graph allows one CA request per
/// second per tenant). Any read that fails after retries fails the whole read: never half a tenant.
/// <see cref="ReadAsync"/> reads everything; <see cref="ReusingPolicyReferences"/> may reuse the named
/// locations and authentication strengths of a recent read (<see cref="GraphOptions.PolicyReferencesMaxAge"/>).
/// </summary>
public sealed class GraphDirectoryReader : IDirectoryReader
{
    internal static readonly string[] UserProperties = ["id", "displayName", "userPrincipalName", "userType", "accountEnabled", "employeeType"];
    internal static readonly string[] GroupProperties = ["id", "displayName", "groupTypes", "membershipRule", "isAssignableToRole", "securityEnabled"];
    private const string UserType = "#microsoft.graph.user";
    private const string GroupType = "#microsoft.graph.group";
    /// <summary>Graph's limit of values in one <c>in</c> filter.</summary>
    private const int MaxIdsPerFilter = 15;

    private readonly GraphServiceClient _client;
    private readonly GraphOptions _options;
    private readonly GraphJson _json;
    private readonly ReusableRead _namedLocations;
    private readonly ReusableRead _authenticationStrengths;

    public GraphDirectoryReader(GraphServiceClient client, GraphOptions options, TimeProvider clock)
    {
        _client = client;
        _options = options;
        _json = new GraphJson(client, options, clock);
        _namedLocations = new ReusableRead(options.PolicyReferencesMaxAge, clock);
        _authenticationStrengths = new ReusableRead(options.PolicyReferencesMaxAge, clock);
        ReusingPolicyReferences = new PolicyReferencesReusingReader(this);
    }

    /// <summary>
    /// This reader for scans of changes that cannot touch named locations or strengths (users, group
    /// members): it reuses those of a recent read instead of waiting up to two seconds at the CA gate.
    /// Policies, and everything else, are always read.
    /// </summary>
    public IDirectoryReader ReusingPolicyReferences { get; }

    public Task<TenantSnapshot> ReadAsync(WatchdogConfig config, CancellationToken cancellationToken) =>
        ReadAsync(config, reusePolicyReferences: false, cancellationToken);

    private async Task<TenantSnapshot> ReadAsync(WatchdogConfig config, bool reusePolicyReferences, CancellationToken cancellationToken)
    {
        var tenantId = _options.TenantId;
        try
        {
            tenantId ??= await ReadTenantIdAsync(cancellationToken).ConfigureAwait(false);
            var collected = await ReadTenantAsync(tenantId, config, reusePolicyReferences, cancellationToken).ConfigureAwait(false);
            var json = Encoding.UTF8.GetBytes(collected.ToSnapshot().ToJsonString());
            return SnapshotJson.Read(new MemoryStream(json), $"Microsoft Graph (tenant {tenantId})");
        }
        catch (Exception ex) when (ex is not GraphConfigurationException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw new DirectoryReadException($"reading the tenant from Microsoft Graph failed: {ex.Message}", ex) { TenantId = tenantId };
        }
    }

    private async Task<string> ReadTenantIdAsync(CancellationToken cancellationToken)
    {
        var organizations = await _json.GetAllAsync(_client.Organization.ToGetRequestInformation(r => r.QueryParameters.Select = ["id"]), cancellationToken).ConfigureAwait(false);
        return organizations.FirstOrDefault()?["id"]?.GetValue<string>() ?? throw new GraphReadException("GET /organization returned no tenant");
    }

    private async Task<CollectedTenant> ReadTenantAsync(string tenantId, WatchdogConfig config, bool reusePolicyReferences, CancellationToken cancellationToken)
    {
        var tenant = new CollectedTenant(tenantId);
        var policies = _json.GetAllAsync(_client.Identity.ConditionalAccess.Policies.ToGetRequestInformation(), cancellationToken);
        var roleDefinitions = _json.GetAllAsync(_client.RoleManagement.Directory.RoleDefinitions.ToGetRequestInformation(r =>
            r.QueryParameters.Select = ["id", "templateId", "displayName", "isBuiltIn", "isPrivileged"]), cancellationToken);
        var expected = ReadExpectedExclusionsAsync(tenant, config, cancellationToken);

        tenant.Policies = await policies.ConfigureAwait(false);
        // Each read starts as soon as what it depends on is in, so a scan costs its few dependent
        // rounds of latency rather than the sum of its phases. The other CA reads wait their turn at
        // the 1 request/s gate; nothing else needs to wait for them.
        var policyReferences = ReadPolicyReferencesAsync(tenant, reusePolicyReferences, cancellationToken);
        var relevantPolicies = tenant.Policies.Where(p => IsMfaRelated(p) || config.WatchedPolicyIds.Contains(Id(p), StringComparer.OrdinalIgnoreCase)).ToArray();
        var groupIds = relevantPolicies.SelectMany(p => Strings(p, "conditions", "users", "includeGroups").Concat(Strings(p, "conditions", "users", "excludeGroups")));
        if (config.ServiceAccounts is { } serviceAccounts) groupIds = groupIds.Append(serviceAccounts.ExclusionGroupId);
        var groupStructure = ReadGroupStructureAsync(tenant, groupIds.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), config.ServiceAccounts?.ExclusionGroupId, cancellationToken);

        tenant.RoleDefinitions = await roleDefinitions.ConfigureAwait(false);
        await ReadRoleHoldersAsync(tenant, config, relevantPolicies, cancellationToken).ConfigureAwait(false);
        await expected.ConfigureAwait(false);
        var relevantGroups = await groupStructure.ConfigureAwait(false);
        // Every user read so far is known now, so none is read twice; memberships add no users.
        var remainingUsers = ReadRemainingUsersAsync(tenant, relevantPolicies, cancellationToken);
        await ReadDirectMembershipsAsync(tenant, tenant.RoleHolderIds.Concat(tenant.UserIdsOf(config.BreakGlassAccounts)), relevantGroups, cancellationToken).ConfigureAwait(false);
        await remainingUsers.ConfigureAwait(false);
        await policyReferences.ConfigureAwait(false);
        return tenant;
    }

    /// <summary>What the policies (read in one request) refer to: named locations, and strengths Graph did not expand.</summary>
    private async Task ReadPolicyReferencesAsync(CollectedTenant tenant, bool reuse, CancellationToken cancellationToken)
    {
        var locations = tenant.Policies.Select(p => Node(p, "conditions", "locations")).OfType<JsonObject>().ToArray();
        if (locations.Length > 0)
        {
            var named = locations.SelectMany(l => Strings(l, "includeLocations").Concat(Strings(l, "excludeLocations")));
            tenant.NamedLocations = await _namedLocations.GetAsync(named, reuse, () =>
                _json.GetAllAsync(_client.Identity.ConditionalAccess.NamedLocations.ToGetRequestInformation(), cancellationToken)).ConfigureAwait(false);
        }

        // Graph returns each grant's strength expanded; the tenant's list is needed only when one is not.
        var unexpanded = tenant.Policies.Select(p => Node(p, "grantControls", "authenticationStrength"))
            .OfType<JsonObject>().Where(s => s["requirementsSatisfied"] is null).ToArray();
        if (unexpanded.Length > 0)
        {
            var named = unexpanded.Select(s => s["id"]?.GetValue<string>()).OfType<string>();
            tenant.AuthenticationStrengths = await _authenticationStrengths.GetAsync(named, reuse, () =>
                _json.GetAllAsync(_client.Identity.ConditionalAccess.AuthenticationStrength.Policies.ToGetRequestInformation(r =>
                    r.QueryParameters.Select = ["id", "displayName", "requirementsSatisfied", "allowedCombinations"]), cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Active assignments and eligibilities of the watched roles and of every role a relevant policy
    /// names, with their principals; then the members of role-assignable groups that hold them.
    /// </summary>
    private async Task ReadRoleHoldersAsync(CollectedTenant tenant, WatchdogConfig config, IReadOnlyList<JsonObject> relevantPolicies, CancellationToken cancellationToken)
    {
        var definitions = tenant.RoleDefinitions.Select(r => new RoleDefinition(
            Id(r), r["templateId"]?.GetValue<string>(), null, r["isBuiltIn"]?.GetValue<bool>() ?? true, r["isPrivileged"]?.GetValue<bool>() ?? false)).ToArray();
        var roleDirectory = new TenantDirectory(TenantSnapshot.Empty("") with { RoleDefinitions = definitions });
        var templates = PrivilegedRoles.TemplateIds(config.PrivilegedRoles, roleDirectory)
            .Concat(relevantPolicies.SelectMany(p => Strings(p, "conditions", "users", "includeRoles").Concat(Strings(p, "conditions", "users", "excludeRoles"))))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var definitionIds = templates
            .Select(t => definitions.FirstOrDefault(d => string.Equals(d.EffectiveTemplateId, t, StringComparison.OrdinalIgnoreCase) || string.Equals(d.Id, t, StringComparison.OrdinalIgnoreCase))?.Id ?? t)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

        var requests = new List<(string, RequestInformation)>();
        foreach (var roleId in definitionIds)
        {
            var filter = $"roleDefinitionId eq '{Literal(roleId)}'";
            requests.Add(($"active:{roleId}", _client.RoleManagement.Directory.RoleAssignments.ToGetRequestInformation(r =>
            {
                r.QueryParameters.Filter = filter;
                r.QueryParameters.Select = ["id", "principalId", "roleDefinitionId", "directoryScopeId"];
                r.QueryParameters.Expand = ["principal"];
            })));
            requests.Add(($"eligible:{roleId}", _client.RoleManagement.Directory.RoleEligibilityScheduleInstances.ToGetRequestInformation(r =>
            {
                r.QueryParameters.Filter = filter;
                r.QueryParameters.Select = ["id", "principalId", "roleDefinitionId", "directoryScopeId", "startDateTime", "endDateTime"];
                r.QueryParameters.Expand = ["principal"];
            })));
        }
        var roleGroups = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, page) in await _json.BatchAsync(requests, cancellationToken).ConfigureAwait(false))
        {
            var target = key.StartsWith("active:", StringComparison.Ordinal) ? tenant.RoleAssignments : tenant.RoleEligibilities;
            foreach (var item in Items(page))
            {
                if (item["principal"] is not JsonObject principal) continue;
                tenant.AddObject(principal, UserType);
                if (principal["@odata.type"]?.GetValue<string>() == GroupType) roleGroups.Add(Id(principal));
                var holder = new JsonObject
                {
                    ["principalId"] = item["principalId"]?.DeepClone(),
                    ["roleDefinitionId"] = item["roleDefinitionId"]?.DeepClone(),
                    ["directoryScopeId"] = item["directoryScopeId"]?.DeepClone(),
                };
                if (target == tenant.RoleEligibilities)
                {
                    holder["startDateTime"] = item["startDateTime"]?.DeepClone();
                    holder["endDateTime"] = item["endDateTime"]?.DeepClone();
                }
                lock (target) target.Add(holder);
            }
        }

        // Role-assignable groups cannot nest groups: their direct user members hold the role.
        var members = await _json.BatchAsync(roleGroups.Select(g => (g, _client.Groups[g].Members.GraphUser.ToGetRequestInformation(r =>
        {
            r.QueryParameters.Select = UserProperties;
            r.QueryParameters.Top = 999;
        }))).ToArray(), cancellationToken).ConfigureAwait(false);
        foreach (var (groupId, page) in members)
        {
            foreach (var user in Items(page))
            {
                tenant.AddObject(user, UserType);
                tenant.AddMember(groupId, Id(user), UserType);
            }
        }
    }

    /// <summary>Break-glass accounts, and service-account candidates found with server-side filters.</summary>
    private async Task ReadExpectedExclusionsAsync(CollectedTenant tenant, WatchdogConfig config, CancellationToken cancellationToken)
    {
        var requests = config.BreakGlassAccounts.Select(account => ($"user:{account}", UserRequest(account))).ToList();
        if (config.ServiceAccounts is { } settings)
        {
            requests.AddRange(settings.Ids.Select(id => ($"user:{id}", UserRequest(id))));
            requests.AddRange(settings.UserPrincipalNamePatterns.Select((pattern, i) => ($"pattern:{i}", UserQuery(ServiceAccountFilters.ForPattern(pattern)))));
            if (settings.EmployeeTypes.Count > 0)
                requests.Add(("employeeTypes", UserQuery(ServiceAccountFilters.ForEmployeeTypes(settings.EmployeeTypes))));
        }
        foreach (var (_, result) in await _json.BatchAsync(requests, cancellationToken).ConfigureAwait(false))
        {
            foreach (var user in result?["value"] is JsonArray ? Items(result) : result is null ? [] : [result])
                tenant.AddObject(user, UserType);
        }
    }

    /// <summary>
    /// The groups that decide inclusion and exclusion: the referenced ones, the groups nested in them,
    /// and the group-to-group edges between them. The exclusion group's subtree is read with all its
    /// user members, since every member of it is judged. Deleted groups (404) are simply absent.
    /// </summary>
    private async Task<IReadOnlySet<string>> ReadGroupStructureAsync(CollectedTenant tenant, IReadOnlyList<string> referenced, string? exclusionGroupId, CancellationToken cancellationToken)
    {
        var requests = referenced.Chunk(MaxIdsPerFilter).Select((ids, i) => ($"groups:{i}", _client.Groups.ToGetRequestInformation(r =>
            {
                r.QueryParameters.Filter = IdIn(ids);
                r.QueryParameters.Select = GroupProperties;
                r.QueryParameters.Top = 999;
            })))
            .Concat(referenced.Select(g => ($"nested:{g}", _client.Groups[g].TransitiveMembers.GraphGroup.ToGetRequestInformation(r =>
            {
                r.QueryParameters.Select = GroupProperties;
                r.QueryParameters.Top = 999;
            }))))
            .ToArray();
        var results = await _json.BatchAsync(requests, cancellationToken).ConfigureAwait(false);
        var existing = results.Where(r => r.Key.StartsWith("groups:", StringComparison.Ordinal)).SelectMany(r => Items(r.Value))
            .ToDictionary(Id, StringComparer.OrdinalIgnoreCase);

        var relevant = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var withChildren = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var exclusionSubtree = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var groupId in referenced)
        {
            // A deleted group is simply not found by the filter.
            if (!existing.TryGetValue(groupId, out var group)) continue;
            tenant.AddObject(group, GroupType);
            relevant.Add(groupId);
            var nested = Items(results[$"nested:{groupId}"]).ToArray();
            foreach (var descendant in nested)
            {
                tenant.AddObject(descendant, GroupType);
                relevant.Add(Id(descendant));
                withChildren.Add(Id(descendant));
            }
            if (nested.Length > 0) withChildren.Add(groupId);
            if (string.Equals(groupId, exclusionGroupId, StringComparison.OrdinalIgnoreCase))
                exclusionSubtree.UnionWith(nested.Select(Id).Append(groupId));
        }

        var edgeRequests = withChildren.Select(g => ($"children:{g}", _client.Groups[g].Members.GraphGroup.ToGetRequestInformation(r =>
            {
                r.QueryParameters.Select = ["id"];
                r.QueryParameters.Top = 999;
            })))
            .Concat(exclusionSubtree.Select(g => ($"users:{g}", _client.Groups[g].Members.GraphUser.ToGetRequestInformation(r =>
            {
                r.QueryParameters.Select = UserProperties;
                r.QueryParameters.Top = 999;
            }))))
            .ToArray();
        foreach (var (key, page) in await _json.BatchAsync(edgeRequests, cancellationToken).ConfigureAwait(false))
        {
            var groupId = key[(key.IndexOf(':') + 1)..];
            foreach (var member in Items(page))
            {
                if (key.StartsWith("users:", StringComparison.Ordinal))
                {
                    tenant.AddObject(member, UserType);
                    tenant.AddMember(groupId, Id(member), UserType);
                }
                else if (relevant.Contains(Id(member)))
                {
                    tenant.AddMember(groupId, Id(member), GroupType);
                }
            }
        }
        return relevant;
    }

    /// <summary>
    /// The direct groups, among the relevant ones, of the users whose memberships decide something:
    /// admins (coverage, exclusions) and break-glass accounts. One batched request per user. Service
    /// accounts are judged from the exclusion group's own members, which are read in full.
    /// </summary>
    private async Task ReadDirectMembershipsAsync(CollectedTenant tenant, IEnumerable<string> userIds, IReadOnlySet<string> relevantGroups, CancellationToken cancellationToken)
    {
        if (relevantGroups.Count == 0) return;
        var requests = userIds.Distinct(StringComparer.OrdinalIgnoreCase).Select(u => (u, _client.Users[u].MemberOf.GraphGroup.ToGetRequestInformation(r =>
        {
            r.QueryParameters.Select = ["id"];
            r.QueryParameters.Top = 999;
        }))).ToArray();
        foreach (var (userId, page) in await _json.BatchAsync(requests, cancellationToken).ConfigureAwait(false))
        {
            foreach (var group in Items(page).Where(g => relevantGroups.Contains(Id(g))))
                tenant.AddMember(Id(group), userId, UserType);
        }
    }

    /// <summary>
    /// Reads, with the selected properties, the users known only from an expansion and the users named
    /// in relevant policies' excludeUsers (each of them is judged: unexpected-exclusion) that are not
    /// known yet; 15 ids per filter (Graph's limit for 'in'), 20 filters per batch. Deleted users are
    /// simply not found.
    /// </summary>
    private async Task ReadRemainingUsersAsync(CollectedTenant tenant, IReadOnlyList<JsonObject> relevantPolicies, CancellationToken cancellationToken)
    {
        var known = tenant.UserIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var excluded = relevantPolicies.SelectMany(p => Strings(p, "conditions", "users", "excludeUsers"))
            .Where(id => System.Guid.TryParse(id, out _) && !known.Contains(id));
        var requests = tenant.UsersWithoutSelectedProperties.Concat(excluded).Distinct(StringComparer.OrdinalIgnoreCase)
            .Chunk(MaxIdsPerFilter).Select((ids, i) => ($"users:{i}", UserQuery(new UserFilter(IdIn(ids), IsAdvanced: false)))).ToArray();
        foreach (var (_, page) in await _json.BatchAsync(requests, cancellationToken).ConfigureAwait(false))
        {
            foreach (var user in Items(page)) tenant.AddObject(user, UserType);
        }
    }

    private static string IdIn(IEnumerable<string> ids) => $"id in ({string.Join(",", ids.Select(id => $"'{Literal(id)}'"))})";

    private RequestInformation UserRequest(string idOrUpn) =>
        _client.Users[idOrUpn].ToGetRequestInformation(r => r.QueryParameters.Select = UserProperties);

    private RequestInformation UserQuery(UserFilter filter) =>
        _client.Users.ToGetRequestInformation(r =>
        {
            r.QueryParameters.Filter = filter.Expression;
            r.QueryParameters.Select = UserProperties;
            r.QueryParameters.Top = 999;
            if (!filter.IsAdvanced) return;
            r.QueryParameters.Count = true;
            r.Headers.Add("ConsistencyLevel", "eventual");
        });

    private static bool IsMfaRelated(JsonObject policy)
    {
        var controls = Strings(policy, "grantControls", "builtInControls");
        return controls.Contains("mfa", StringComparer.OrdinalIgnoreCase) || controls.Contains("block", StringComparer.OrdinalIgnoreCase)
            || Node(policy, "grantControls", "authenticationStrength") is JsonObject;
    }

    private static IEnumerable<JsonObject> Items(JsonObject? page) =>
        (page?["value"] as JsonArray)?.OfType<JsonObject>() ?? [];

    private static string Id(JsonObject o) => o["id"]?.GetValue<string>() ?? throw new GraphReadException("Graph returned an object without an id");

    private static JsonNode? Node(JsonObject o, params string[] path) =>
        path.Aggregate((JsonNode?)o, (node, name) => node is JsonObject obj ? obj[name] : null);

    private static IEnumerable<string> Strings(JsonObject o, params string[] path) =>
        (Node(o, path) as JsonArray)?.Select(v => v?.GetValue<string>()).OfType<string>() ?? [];

    internal static string Literal(string value) => value.Replace("'", "''", StringComparison.Ordinal);

    private sealed class PolicyReferencesReusingReader(GraphDirectoryReader reader) : IDirectoryReader
    {
        public Task<TenantSnapshot> ReadAsync(WatchdogConfig config, CancellationToken cancellationToken) =>
            reader.ReadAsync(config, reusePolicyReferences: true, cancellationToken);
    }
}
