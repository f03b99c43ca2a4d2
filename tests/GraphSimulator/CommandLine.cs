using System.Globalization;

namespace GraphSimulator;

/// <summary>The runnable's flags. Throttling and latency stay off unless a flag turns them on.</summary>
internal sealed record CommandLine(string? SnapshotPath, string Url, SimulatorOptions Options)
{
    public const string Usage = """
        Usage: dotnet run --project tests/GraphSimulator -- [options]
          --snapshot FILE             tenant snapshot to serve (default: an empty tenant)
          --urls URL                  where to listen (default http://127.0.0.1:5055); Graph is at URL/v1.0
          --latency-ms N              delay every Graph request by N ms
          --throttle-ca               CA endpoints: 1 request/s per tenant, 429 without Retry-After
          --throttle-directory        directory endpoints: resource-unit token bucket, 429 with Retry-After
          --directory-capacity N      bucket size in resource units (default 8000; implies --throttle-directory)
          --directory-refill N        resource units refilled per second (default 800; implies --throttle-directory)
          --all-user-properties       return every user property without $select (Graph returns a default set)
          --service-principal-members list service principals in /groups/{id}/members (v1.0 leaves them out)
          --throttle-reports          auditLogs: 5 requests per 10 s, 429 with Retry-After
          --audit-delay-s N           list audit entries only N seconds after they happen (real logs lag)
          --notification-retry-s N    first retry of an undelivered notification after N s (default 60, doubling, for 4 h)
        """;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        string? snapshot = null;
        var url = "http://127.0.0.1:5055";
        var options = new SimulatorOptions();
        var directory = (Enabled: false, Capacity: 8000d, Refill: 800d);
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            double Number() => double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0
                ? n
                : throw new ArgumentException($"{args[i - 1]} needs a non-negative number.");

            switch (args[i])
            {
                case "--snapshot": snapshot = Value(); break;
                case "--urls": url = Value().Split(';')[0]; break;
                case "--latency-ms": options.Latency = TimeSpan.FromMilliseconds(Number()); break;
                case "--throttle-ca": options.ConditionalAccessThrottle = new ConditionalAccessThrottleOptions(); break;
                case "--throttle-directory": directory.Enabled = true; break;
                case "--directory-capacity": directory = (true, Number(), directory.Refill); break;
                case "--directory-refill": directory = (true, directory.Capacity, Number()); break;
                case "--all-user-properties": options.UserDefaultPropertySet = false; break;
                case "--service-principal-members": options.HideServicePrincipalsFromMembers = false; break;
                case "--throttle-reports": options.ReportsThrottle = new ReportsThrottleOptions(); break;
                case "--audit-delay-s": options.AuditLogIngestionDelay = TimeSpan.FromSeconds(Number()); break;
                case "--notification-retry-s":
                    options.ChangeNotifications = options.ChangeNotifications with { RetryDelay = TimeSpan.FromSeconds(Number()) };
                    break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        if (directory.Enabled)
        {
            options.DirectoryThrottle = new DirectoryThrottleOptions(directory.Capacity, directory.Refill);
        }

        return new CommandLine(snapshot, url, options);
    }
}
