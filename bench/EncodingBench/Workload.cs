namespace DeliveryConsole.EncodingBench;

/// <summary>The kinds of column measured, each a dense array of one million values (no nulls).</summary>
internal enum ColumnKind
{
    Int64Sequential,
    Int64Random,
    Int64LowCardinality,
    Utf8LowCardinality,
    Utf8HighCardinality,
    Double,
}

internal sealed class Workload
{
    private Workload(Workload whole, int rows)
    {
        Rows = rows;
        Sequential = whole.Sequential[..rows];
        RandomLongs = whole.RandomLongs[..rows];
        FewLongs = whole.FewLongs[..rows];
        LowCardinality = whole.LowCardinality[..rows];
        HighCardinality = whole.HighCardinality[..rows];
        Doubles = whole.Doubles[..rows];
        AllPresent = whole.AllPresent[..rows];
        Levels = whole.Levels[..rows];
    }

    public Workload(int rows, int seed)
    {
        var random = new Random(seed);
        Rows = rows;
        // A row key counter: what a sequential id or an epoch timestamp column looks like.
        Sequential = [.. Enumerable.Range(0, rows).Select(i => 1_700_000_000_000L + i)];
        RandomLongs = [.. Enumerable.Range(0, rows).Select(_ => random.NextInt64())];
        // 1,000 distinct codes in random order: where dictionary encoding pays for a number column.
        FewLongs = [.. Enumerable.Range(0, rows).Select(_ => 100_000L + random.Next(1_000) * 7)];
        // 50 distinct values such as a status or a region; and ids unique per row.
        string[] statuses = [.. Enumerable.Range(0, 50).Select(i => $"status-{i:D2}-{(char)('a' + i % 26)}")];
        LowCardinality = [.. Enumerable.Range(0, rows).Select(_ => statuses[random.Next(statuses.Length)].AsMemory())];
        HighCardinality = [.. Enumerable.Range(0, rows).Select(i => $"user-{random.NextInt64():x16}-{i}".AsMemory())];
        Doubles = [.. Enumerable.Range(0, rows).Select(_ => Math.Round(random.NextDouble() * 10_000, 2))];
        AllPresent = [.. Enumerable.Repeat((byte)1, rows)];
        Levels = [.. Enumerable.Repeat(1, rows)];
    }

    /// <summary>The first <paramref name="rows"/> rows.</summary>
    public Workload Take(int rows) => new(this, Math.Min(rows, Rows));

    public int Rows { get; }
    public long[] Sequential { get; }
    public long[] RandomLongs { get; }
    public long[] FewLongs { get; }
    public ReadOnlyMemory<char>[] LowCardinality { get; }
    public ReadOnlyMemory<char>[] HighCardinality { get; }
    public double[] Doubles { get; }

    /// <summary>The presence flags ParquetSharp's writer takes (all present).</summary>
    public byte[] AllPresent { get; }

    /// <summary>The definition levels Parquet.Net takes (all present).</summary>
    public int[] Levels { get; }
}
