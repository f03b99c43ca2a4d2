using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphSimulator.State;

/// <summary>
/// The simulated tenant, shared by the HTTP handlers and the tests that drive them. A reader/writer
/// lock guards everything: reads run concurrently, as Graph serves concurrent requests (a scan's
/// batches would otherwise queue behind one another's filtering of a 100,000-user tenant), and
/// every request still sees a consistent tenant because a mutation waits for the reads in flight.
/// </summary>
public sealed class TenantState
{
    /// <summary>The snapshot keys (DESIGN.md, "Tenant snapshot") and the list each one fills.</summary>
    private static readonly (string Key, Func<TenantData, List<JsonObject>> List)[] Collections =
    [
        ("users", d => d.Users),
        ("groups", d => d.Groups),
        ("servicePrincipals", d => d.ServicePrincipals),
        ("roleDefinitions", d => d.RoleDefinitions),
        ("roleAssignments", d => d.RoleAssignments),
        ("roleEligibilitySchedules", d => d.RoleEligibilitySchedules),
        ("conditionalAccessPolicies", d => d.ConditionalAccessPolicies),
        ("namedLocations", d => d.NamedLocations),
        ("authenticationStrengthPolicies", d => d.AuthenticationStrengthPolicies),
        // Not in the snapshot contract: soft-deleted policies, so that a test can start from one.
        ("deletedConditionalAccessPolicies", d => d.DeletedConditionalAccessPolicies),
        // Not in the snapshot contract either: audit entries a test starts from.
        ("directoryAudits", d => d.DirectoryAudits),
    ];

    // Recursion: a test may read the tenant from inside its own mutation, as it could with a plain lock.
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.SupportsRecursion);
    private TenantData _data;

    private TenantState(TenantData data) => _data = data;

    public static TenantState Empty(string tenantId) => new(new TenantData { TenantId = tenantId });

    public static TenantState FromSnapshot(JsonObject snapshot) => new(Load(snapshot));

    public static TenantState FromJson(string json) => FromSnapshot(ParseSnapshot(json));

    public static async Task<TenantState> FromFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var node = await JsonNode.ParseAsync(stream, documentOptions: JsonComments, cancellationToken: cancellationToken);
        return FromSnapshot(node as JsonObject ?? throw new InvalidDataException($"{path}: the snapshot must be a JSON object."));
    }

    public T Read<T>(Func<TenantData, T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read(_data);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Mutate(Action<TenantData> mutate)
    {
        _lock.EnterWriteLock();
        try
        {
            mutate(_data);
        }
        finally
        {
            _data.InvalidateIndex();
            _lock.ExitWriteLock();
        }
    }

    public T Mutate<T>(Func<TenantData, T> mutate)
    {
        T result = default!;
        Mutate(data => { result = mutate(data); });
        return result;
    }

    /// <summary>Replaces the whole tenant (sent mail is kept: it is a record of what happened).</summary>
    public void Replace(JsonObject snapshot)
    {
        var loaded = Load(snapshot);
        _lock.EnterWriteLock();
        try
        {
            loaded.SentMail.AddRange(_data.SentMail);
            _data = loaded;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The current tenant in the snapshot format (deep copy).</summary>
    public JsonObject ToSnapshot() => Read(data =>
    {
        var snapshot = new JsonObject { ["tenantId"] = data.TenantId };
        foreach (var (key, list) in Collections)
        {
            snapshot[key] = new JsonArray(list(data).Select(e => (JsonNode)e.DeepClone()).ToArray());
        }

        return snapshot;
    });

    public IReadOnlyList<SentMail> SentMail => Read(data => data.SentMail.ToList());

    internal static JsonObject ParseSnapshot(string json) =>
        JsonNode.Parse(json, documentOptions: JsonComments) as JsonObject
            ?? throw new InvalidDataException("The snapshot must be a JSON object.");

    private static readonly JsonDocumentOptions JsonComments = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static TenantData Load(JsonObject snapshot)
    {
        var tenantId = snapshot["tenantId"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;
        var data = new TenantData
        {
            TenantId = tenantId ?? throw new InvalidDataException("The snapshot has no 'tenantId'."),
        };
        foreach (var (key, list) in Collections)
        {
            switch (snapshot[key])
            {
                case null:
                    break;
                case JsonArray items:
                    // Copies: the caller's snapshot stays untouched by what the simulator later does.
                    list(data).AddRange(items.Select((item, i) => item is JsonObject entity
                        ? (JsonObject)entity.DeepClone()
                        : throw new InvalidDataException($"The snapshot's '{key}[{i}]' is not an object.")));
                    break;
                default:
                    throw new InvalidDataException($"The snapshot's '{key}' is not an array.");
            }
        }

        // Built now rather than by the first request, which Graph would not make wait for its indexes.
        data.BuildIndex();
        return data;
    }
}
