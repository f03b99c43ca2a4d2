namespace AdminMfaWatchdog.Benchmarks.Commands;

/// <summary>The command line is wrong: the message says how, and the usage follows it.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// <c>COMMAND [--name value | --flag]...</c>. Small on purpose: two commands with a handful of
/// options do not need a parsing library.
/// </summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string?> _options;

    private BenchArguments(string command, Dictionary<string, string?> options)
    {
        Command = command;
        _options = options;
    }

    public string Command { get; }

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith("--", StringComparison.Ordinal)) throw new UsageException("missing command");
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"unexpected argument '{name}'");
            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            if (!options.TryAdd(name, hasValue ? args[++i] : null)) throw new UsageException($"{name} is given twice");
        }
        return new BenchArguments(args[0], options);
    }

    /// <summary>Rejects options the command does not know, so a typo is not silently ignored.</summary>
    public void Allow(params string[] names)
    {
        if (_options.Keys.FirstOrDefault(k => !names.Contains(k)) is { } unknown)
            throw new UsageException($"'{Command}' has no option {unknown}");
    }

    public bool Flag(string name) => _options.TryGetValue(name, out var value)
        ? value is null ? true : throw new UsageException($"{name} takes no value")
        : false;

    public string? Value(string name) => _options.TryGetValue(name, out var value)
        ? value ?? throw new UsageException($"{name} needs a value")
        : null;

    public string Required(string name) => Value(name) ?? throw new UsageException($"'{Command}' needs {name}");

    public int Int(string name, int defaultValue, int min) => Value(name) is not { } text ? defaultValue
        : int.TryParse(text, out var value) && value >= min ? value
        : throw new UsageException($"{name} must be a whole number of at least {min}, not '{text}'");

    public ulong Seed(ulong defaultValue) => Value("--seed") is not { } text ? defaultValue
        : ulong.TryParse(text, out var value) ? value
        : throw new UsageException($"--seed must be a non-negative whole number, not '{text}'");
}
