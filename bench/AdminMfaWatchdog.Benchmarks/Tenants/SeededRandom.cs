using System.Buffers.Binary;

namespace AdminMfaWatchdog.Benchmarks.Tenants;

/// <summary>
/// SplitMix64: a tiny generator whose sequence is fixed by its seed on every runtime and platform
/// (System.Random promises no such thing across .NET versions), so a seed names one tenant forever.
/// </summary>
internal sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>An independent stream per part of the tenant, so changing how one part is drawn leaves the others as they were.</summary>
    public static SeededRandom For(ulong seed, string part)
    {
        var hash = 14695981039346656037UL; // FNV-1a
        foreach (var c in part) hash = (hash ^ c) * 1099511628211UL;
        return new SeededRandom(seed ^ hash);
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>0 &lt;= n &lt; max. The modulo bias is below 2^-40 for the sizes drawn here.</summary>
    public int Next(int max) => (int)(NextUInt64() % (ulong)max);

    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary><paramref name="count"/> distinct items (all of them when there are fewer), in draw order.</summary>
    public IReadOnlyList<T> Sample<T>(IReadOnlyList<T> items, int count)
    {
        if (count >= items.Count) return items.ToArray();
        var chosen = new HashSet<int>();
        var result = new List<T>(count);
        while (result.Count < count)
        {
            var index = Next(items.Count);
            if (chosen.Add(index)) result.Add(items[index]);
        }
        return result;
    }

    /// <summary>Picks an index with probability proportional to its weight.</summary>
    public int Weighted(IReadOnlyList<double> weights)
    {
        var roll = NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0) return i;
        }
        return weights.Count - 1;
    }

    /// <summary>A random (version 4) object id, formatted as Graph formats ids.</summary>
    public string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, NextUInt64());
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], NextUInt64());
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }
}
