using System.Text.RegularExpressions;
using GraphSimulator.Query;
using GraphSimulator.Wire;

namespace GraphSimulator.Faults;

/// <summary>The active fault rules; the first rule that matches a request decides its fault.</summary>
public sealed class FaultInjector
{
    private readonly Lock _lock = new();
    private readonly List<ActiveRule> _rules = [];

    /// <summary>Rules not yet spent.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _rules.Count;
            }
        }
    }

    public void Add(FaultRule rule)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rule.Times, 1);
        var pattern = rule.PathPattern is null ? null : new Regex(rule.PathPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        lock (_lock)
        {
            _rules.Add(new ActiveRule(rule, pattern));
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _rules.Clear();
        }
    }

    /// <summary>The fault for this request, if a rule claims it (counting it against that rule).</summary>
    internal FaultRule? Claim(GraphRequest request)
    {
        lock (_lock)
        {
            var page = 0;
            foreach (var active in _rules)
            {
                var rule = active.Rule;
                if (rule.Page is { } wantedPage)
                {
                    // Decoded once per request, and only when some rule asks for a page.
                    page = page == 0 ? TryPage(request) : page;
                    if (page != wantedPage)
                    {
                        continue;
                    }
                }

                if (!active.Matches(request))
                {
                    continue;
                }

                if (active.Skipped < rule.SkipFirst)
                {
                    active.Skipped++;
                    continue;
                }

                if (++active.Failed >= rule.Times)
                {
                    _rules.Remove(active);
                }

                return rule;
            }

            return null;
        }
    }

    /// <summary>A token the simulator did not mint is no page: no rule claims it and it is answered 400 further on.</summary>
    private static int TryPage(GraphRequest request)
    {
        try
        {
            return SkipToken.Of(request).Page;
        }
        catch (GraphException)
        {
            return -1;
        }
    }

    private sealed class ActiveRule(FaultRule rule, Regex? pattern)
    {
        public FaultRule Rule { get; } = rule;

        public int Skipped { get; set; }

        public int Failed { get; set; }

        public bool Matches(GraphRequest request) =>
            (Rule.Method is null || string.Equals(Rule.Method, request.Method, StringComparison.OrdinalIgnoreCase)) &&
            (Rule.PathPrefix is null || request.Path.StartsWith(StripVersion(Rule.PathPrefix), StringComparison.OrdinalIgnoreCase)) &&
            (pattern is null || pattern.IsMatch(request.Path));

        /// <summary>Rules may name paths as the stats do (<c>/v1.0/users</c>) or as Graph paths (<c>/users</c>).</summary>
        private static string StripVersion(string prefix) =>
            prefix.StartsWith("/v1.0/", StringComparison.OrdinalIgnoreCase) ? prefix["/v1.0".Length..] : prefix;
    }
}
