using Azure;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>
/// A table entity: its keys, the service-managed Timestamp and ETag, and a dictionary of properties
/// whose values are string, bool, int, long, double, DateTimeOffset, Guid or byte[].
/// </summary>
public sealed partial class TableEntity : IDictionary<string, object>
{
    internal const string PartitionKeyName = "PartitionKey";
    internal const string RowKeyName = "RowKey";
    internal const string TimestampName = "Timestamp";

    private readonly Dictionary<string, object> _properties = new(StringComparer.Ordinal);

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey
    {
        get;
        set => field = ValidKey(value, nameof(PartitionKey));
    }

    public string RowKey
    {
        get;
        set => field = ValidKey(value, nameof(RowKey));
    }

    /// <summary>When the service last wrote the entity; null on an entity that was not read from the service.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The version the service returned with the entity, for optimistic concurrency.</summary>
    public ETag ETag { get; set; }

    public object this[string key]
    {
        get => _properties[key];
        set => _properties[ValidName(key)] = ValidValue(key, value);
    }

    public string? GetString(string key) => Get<string>(key);

    public bool? GetBoolean(string key) => GetValue<bool>(key);

    public int? GetInt32(string key) => GetValue<int>(key);

    // Widening: the service reads an unannotated whole JSON number as Int32, whatever wrote it.
    public long? GetInt64(string key) => _properties.GetValueOrDefault(key) is int small ? small : GetValue<long>(key);

    public double? GetDouble(string key) => _properties.GetValueOrDefault(key) is int whole ? whole : GetValue<double>(key);

    public DateTimeOffset? GetDateTimeOffset(string key) => GetValue<DateTimeOffset>(key);

    public Guid? GetGuid(string key) => GetValue<Guid>(key);

    public byte[]? GetBinary(string key) => Get<byte[]>(key);

    private T? GetValue<T>(string key) where T : struct => _properties.TryGetValue(key, out var value) ? As<T>(key, value) : null;

    private T? Get<T>(string key) where T : class => _properties.TryGetValue(key, out var value) ? As<T>(key, value) : null;

    private static T As<T>(string key, object value) => value is T typed
        ? typed
        : throw new InvalidOperationException($"Property '{key}' holds a {value.GetType().Name}, not a {typeof(T).Name}.");

    private static string ValidKey(string value, string name) =>
        value ?? throw new ArgumentNullException(name, $"An entity's {name} cannot be null (it may be empty).");

    // Keys and system properties travel outside the property bag; a property of the same name would be ambiguous.
    private static string ValidName(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return key is PartitionKeyName or RowKeyName or TimestampName || key.StartsWith("odata.", StringComparison.Ordinal)
            ? throw new ArgumentException($"'{key}' is a system property: set it through the entity's {key} property.", nameof(key))
            : key;
    }

    private static object ValidValue(string key, object value) => value switch
    {
        string or bool or int or long or double or DateTimeOffset or Guid or byte[] => value,
        null => throw new ArgumentNullException(nameof(value), $"Property '{key}' cannot be null: the Table service stores no nulls; remove the property instead."),
        DateTime => throw new ArgumentException($"Property '{key}' is a DateTime; use DateTimeOffset so the stored instant is unambiguous.", nameof(value)),
        _ => throw new ArgumentException(
            $"Property '{key}' is a {value.GetType().Name}; a table entity holds string, bool, int, long, double, DateTimeOffset, Guid or byte[].",
            nameof(value)),
    };
}
