using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using RocksDbSharp;

namespace DeliveryConsole.TableStoreBench;

/// <summary>One timed run: wall and CPU seconds, managed bytes allocated, GC counts.</summary>
internal sealed record Sample(double Seconds, double CpuSeconds, long AllocatedBytes, int Gen0, int Gen2, long Rows);

/// <summary>
/// The measured code paths. Each ingest run gets a fresh temp folder (created and deleted outside the timing);
/// only the writes themselves are timed, not opening, closing or the background work RocksDB does after them.
/// </summary>
internal static class Variants
{
    public const int BatchRows = 200;

    public static string NewFolder() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "tablestore-bench-" + Guid.NewGuid().ToString("N"))).FullName;

    public static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    public static Sample Time(long rows, Action body)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (gen0, gen2) = (GC.CollectionCount(0), GC.CollectionCount(2));
        var watch = Stopwatch.StartNew();
        body();
        watch.Stop();
        process.Refresh();
        return new Sample(watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds,
            GC.GetTotalAllocatedBytes(precise: true) - allocated, GC.CollectionCount(0) - gen0, GC.CollectionCount(2) - gen2, rows);
    }

    // ---------------------------------------------------------------- ingest

    /// <summary>RowWriter.BatchWriteRow, 200 PUT rows (condition IGNORE) per request, in <paramref name="order"/>.</summary>
    public static Sample IngestStore(Workload data, int[] order, int rows)
    {
        var folder = NewFolder();
        try
        {
            using var store = new TableStoreInstance(new TableStoreOptions { Folder = folder });
            var tables = new TableDefinitions(store);
            var writer = new RowWriter(store);
            tables.CreateTable(Workload.Table, [new PrimaryKeyColumn(Workload.KeyName, PrimaryKeyType.String)]);
            var sample = Time(rows, () =>
            {
                for (var start = 0; start < rows; start += BatchRows)
                {
                    var writes = new RowWrite[Math.Min(BatchRows, rows - start)];
                    for (var j = 0; j < writes.Length; j++)
                        writes[j] = data.Write(order[start + j]);
                    var results = writer.BatchWriteRow([(Workload.Table, writes)]);
                    foreach (var result in results[0])
                        if (!result.IsOk)
                            throw new InvalidOperationException($"{result.Error!.Code}: {result.Error.Message}");
                }
            });
            var stored = tables.DescribeTable(Workload.Table).RowCount;
            if (stored != rows)
                throw new InvalidOperationException($"the store counts {stored} rows, not {rows}");
            return sample;
        }
        finally
        {
            DeleteFolder(folder);
        }
    }

    /// <summary>
    /// Raw RocksDB doing the store's writes: per 200 rows one WriteBatch with, per row, the row put (rows family) and
    /// the change record put (changes family, big-endian sequence key), plus the three counter puts the store makes
    /// per commit (meta family); WAL on, no sync. <paramref name="getFirst"/> adds a point lookup of each row key
    /// before its put, as the store does to evaluate conditions and count rows, and <paramref name="bloom"/> gives
    /// the rows family bloom filters (diagnostic variants).
    /// </summary>
    public static Sample IngestRaw(RawArena arena, int[] order, int rows, bool getFirst = false, bool bloom = false)
    {
        var folder = NewFolder();
        try
        {
            using var raw = RawDb.Open(folder, bloom);
            var sequenceKey = new byte[8];
            var counter = new byte[8];
            var seqName = "seq"u8.ToArray();
            var commitName = "commit-time"u8.ToArray();
            var countName = "rows:1"u8.ToArray();
            var found = 0L;
            var sample = Time(rows, () =>
            {
                long sequence = 0;
                using var batch = new WriteBatch();
                for (var start = 0; start < rows; start += BatchRows)
                {
                    batch.Clear();
                    var end = Math.Min(rows, start + BatchRows);
                    for (var j = start; j < end; j++)
                    {
                        var row = order[j];
                        if (getFirst && raw.Db.Get(arena.RowKey(row), raw.Rows) is not null)
                            found++;
                        batch.Put(arena.RowKey(row), arena.RowValue(row), raw.Rows);
                        BinaryPrimitives.WriteInt64BigEndian(sequenceKey, ++sequence);
                        batch.Put(sequenceKey, arena.ChangeValue(row), raw.Changes);
                    }
                    BinaryPrimitives.WriteInt64LittleEndian(counter, sequence);
                    batch.Put(seqName, counter, raw.Meta);
                    batch.Put(commitName, counter, raw.Meta);
                    batch.Put(countName, counter, raw.Meta);
                    raw.Db.Write(batch, raw.WriteOptions);
                }
            });
            if (found != 0)
                throw new InvalidOperationException($"{found} keys existed before their first write");
            return sample;
        }
        finally
        {
            DeleteFolder(folder);
        }
    }

    // ---------------------------------------------------------------- scan

    /// <summary>Builds the scan table through the store (ascending keys, untimed); the caller deletes the folder.</summary>
    public static string BuildScanTable(Workload data, int rows)
    {
        var folder = NewFolder();
        using var store = new TableStoreInstance(new TableStoreOptions { Folder = folder });
        new TableDefinitions(store).CreateTable(Workload.Table, [new PrimaryKeyColumn(Workload.KeyName, PrimaryKeyType.String)]);
        var writer = new RowWriter(store);
        for (var start = 0; start < rows; start += BatchRows)
        {
            var writes = new RowWrite[Math.Min(BatchRows, rows - start)];
            for (var j = 0; j < writes.Length; j++)
                writes[j] = data.Write(start + j);
            writer.BatchWriteRow([(Workload.Table, writes)]);
        }
        return folder;
    }

    /// <summary>
    /// A full scan through LiveRows.GetRange: FORWARD, INF_MIN..INF_MAX, default limit (5000), following
    /// nextStartPrimaryKey; every decoded key and cell value is read.
    /// </summary>
    public static Sample ScanStore(string folder, int rows)
    {
        using var store = new TableStoreInstance(new TableStoreOptions { Folder = folder });
        var liveRows = new LiveRows(store);
        IReadOnlyList<KeyColumn> end = [new KeyColumn(Workload.KeyName, Value.InfMax)];
        long count = 0, checksum = 0;
        var sample = Time(rows, () =>
        {
            IReadOnlyList<KeyColumn>? start = [new KeyColumn(Workload.KeyName, Value.InfMin)];
            while (start is not null)
            {
                var page = liveRows.GetRange(new GetRangeRequest(Workload.Table, Direction.Forward, start, end));
                foreach (var row in page.Rows)
                {
                    count++;
                    checksum += row.PrimaryKey[0].Value.AsString.Length;
                    foreach (var cell in row.Columns)
                        checksum += Touch(cell.Value) + cell.Timestamp;
                }
                start = page.NextStartPrimaryKey;
            }
        });
        Check(count, rows, checksum);
        return sample;
    }

    /// <summary>Raw RocksDB iteration of the same rows family: SeekToFirst/Next, reading the key and value spans.</summary>
    public static Sample ScanRaw(string folder, int rows)
    {
        using var raw = RawDb.Open(folder);
        long count = 0, checksum = 0;
        var sample = Time(rows, () =>
        {
            using var iterator = raw.Db.NewIterator(raw.Rows);
            for (iterator.SeekToFirst(); iterator.Valid(); iterator.Next())
            {
                var key = iterator.GetKeySpan();
                var value = iterator.GetValueSpan();
                count++;
                checksum += key.Length + value.Length + key[^3] + value[^1];
            }
        });
        Check(count, rows, checksum);
        return sample;
    }

    /// <summary>
    /// Diagnostic: raw iteration plus a minimal decode of each row into .NET values (the key and the two strings
    /// as strings, numbers as numbers) straight from the spans: the least any typed scan has to do.
    /// </summary>
    public static Sample ScanRawDecoded(string folder, int rows)
    {
        using var raw = RawDb.Open(folder);
        long count = 0, checksum = 0;
        var sample = Time(rows, () =>
        {
            using var iterator = raw.Db.NewIterator(raw.Rows);
            for (iterator.SeekToFirst(); iterator.Valid(); iterator.Next())
            {
                var key = iterator.GetKeySpan();
                var pk = Encoding.UTF8.GetString(key[4..^2]);
                checksum += pk.Length;
                var value = iterator.GetValueSpan();
                var position = 0;
                var cells = (int)VarUInt(value, ref position);
                for (var c = 0; c < cells; c++)
                {
                    var nameLength = (int)VarUInt(value, ref position);
                    var name = Encoding.UTF8.GetString(value.Slice(position, nameLength));
                    position += nameLength;
                    var timestamp = BinaryPrimitives.ReadInt64LittleEndian(value[position..]);
                    position += 8;
                    checksum += name.Length + timestamp;
                    switch (value[position++])
                    {
                        case 1:
                            checksum += BinaryPrimitives.ReadInt64LittleEndian(value[position..]);
                            position += 8;
                            break;
                        case 4:
                            checksum += (long)BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(value[position..]));
                            position += 8;
                            break;
                        case 5:
                            checksum += value[position++];
                            break;
                        default:
                            var length = (int)VarUInt(value, ref position);
                            checksum += Encoding.UTF8.GetString(value.Slice(position, length)).Length;
                            position += length;
                            break;
                    }
                }
                count++;
            }
        });
        Check(count, rows, checksum);
        return sample;
    }

    private static ulong VarUInt(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return value;
        }
    }

    private static long Touch(Value value) => value.Kind switch
    {
        ValueKind.Integer => value.AsInteger,
        ValueKind.Double => (long)value.AsDouble,
        ValueKind.Boolean => value.AsBoolean ? 1 : 0,
        ValueKind.String => value.AsString.Length,
        ValueKind.Binary => value.AsBinary.Length,
        _ => throw new InvalidOperationException($"unexpected {value.TypeName}"),
    };

    private static void Check(long count, int rows, long checksum)
    {
        if (count != rows)
            throw new InvalidOperationException($"the scan saw {count} rows, not {rows}");
        if (checksum == 0)
            throw new InvalidOperationException("nothing was read");
    }
}

/// <summary>A RocksDB opened the way the store's RocksStore opens it: same options, same three column families.</summary>
internal sealed class RawDb : IDisposable
{
    private RawDb(RocksDb db)
    {
        Db = db;
        Meta = db.GetColumnFamily("meta");
        Rows = db.GetColumnFamily("rows");
        Changes = db.GetColumnFamily("changes");
    }

    public RocksDb Db { get; }
    public ColumnFamilyHandle Meta { get; }
    public ColumnFamilyHandle Rows { get; }
    public ColumnFamilyHandle Changes { get; }
    public WriteOptions WriteOptions { get; } = new WriteOptions().SetSync(false);

    /// <param name="bloom">
    /// Diagnostic: the rows family with a 10 bits/key bloom filter in its table files and a whole-key bloom filter
    /// on its memtable (10 % of the memtable size), so a point lookup of an absent key rarely searches anything.
    /// </param>
    public static RawDb Open(string folder, bool bloom = false)
    {
        var rows = new ColumnFamilyOptions();
        if (bloom)
        {
            rows.SetBlockBasedTableFactory(new BlockBasedTableOptions().SetFilterPolicy(BloomFilterPolicy.Create(10, false)));
            rows.SetMemtablePrefixBloomSizeRatio(0.1);
            Native.Instance.rocksdb_options_set_memtable_whole_key_filtering(rows.Handle, 1);
        }
        var options = new DbOptions()
            .SetCreateIfMissing(true)
            .SetCreateMissingColumnFamilies(true)
            .IncreaseParallelism(Math.Max(2, Environment.ProcessorCount));
        var families = new ColumnFamilies
        {
            { "meta", new ColumnFamilyOptions() },
            { "rows", rows },
            { "changes", new ColumnFamilyOptions() },
        };
        return new RawDb(RocksDb.Open(options, folder, families));
    }

    public void Dispose() => Db.Dispose();
}
