using System.Text.RegularExpressions;

namespace AdminMfaWatchdog.Infrastructure.Storage.Queues;

/// <summary>The service's queue naming rule, checked up front so a typo fails with a message, not a 400 later.</summary>
internal static partial class QueueName
{
    public static string Validate(string queueName)
    {
        ArgumentNullException.ThrowIfNull(queueName);
        return ValidName().IsMatch(queueName)
            ? queueName
            : throw new ArgumentException(
                $"'{queueName}' is not a queue name: 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.",
                nameof(queueName));
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ValidName();
}
