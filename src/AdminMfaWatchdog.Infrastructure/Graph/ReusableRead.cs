using System.Text.Json.Nodes;

namespace AdminMfaWatchdog.Infrastructure.Graph;

/// <summary>
/// The last fresh answer to one Conditional Access list (named locations, authentication strengths), which
/// a scan allowed to reuse it takes instead of waiting its turn at Graph's one CA request per second. An
/// answer is reused only while younger than <paramref name="maxAge"/> and only when the policies name
/// nothing the fresh read was not asked for: a policy that names a new location reads them again.
/// </summary>
internal sealed class ReusableRead(TimeSpan maxAge, TimeProvider clock)
{
    private Answer? _last;

    /// <param name="named">the ids the policies name; a reused answer must have been read for all of them.</param>
    /// <param name="reuse">false: read, whatever the last answer was (and keep the new one).</param>
    public async Task<List<JsonObject>> GetAsync(IEnumerable<string> named, bool reuse, Func<Task<List<JsonObject>>> read)
    {
        var wanted = named.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (reuse && Volatile.Read(ref _last) is { } last && clock.GetUtcNow() - last.ReadAt < maxAge && wanted.IsSubsetOf(last.Named))
            return Copy(last.Items);

        // Aged from when the read started: the list may have changed while it was on its way.
        var readAt = clock.GetUtcNow();
        var items = await read().ConfigureAwait(false);
        Volatile.Write(ref _last, new Answer(Copy(items), wanted, readAt));
        return items;
    }

    /// <summary>A scan's snapshot takes ownership of its nodes (a JSON node has one parent): each gets its own copy.</summary>
    private static List<JsonObject> Copy(IEnumerable<JsonObject> items) => items.Select(item => (JsonObject)item.DeepClone()).ToList();

    private sealed record Answer(List<JsonObject> Items, HashSet<string> Named, DateTimeOffset ReadAt);
}
