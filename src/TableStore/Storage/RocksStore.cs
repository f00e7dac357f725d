using System.Buffers.Binary;
using System.Text;
using RocksDbSharp;

namespace DeliveryConsole.TableStore.Storage;

/// <summary>
/// The RocksDB database behind the table store, with three column families: <c>meta</c> (table definitions and
/// counters), <c>rows</c> (encoded key -> cells) and <c>changes</c> (big-endian sequence -> change record).
/// Writes go to the write-ahead log without fsync: a killed process loses nothing it acknowledged.
/// </summary>
internal sealed class RocksStore : IDisposable
{
    private readonly RocksDb _db;

    /// <summary>Opens the database in <paramref name="folder"/> for reading and writing, creating it when missing.</summary>
    public RocksStore(string folder) : this(OpenWritable(folder))
    {
    }

    private RocksStore(RocksDb db)
    {
        _db = db;
        Guard = new UseGuard(this);
        Meta = _db.GetColumnFamily("meta");
        Rows = _db.GetColumnFamily("rows");
        Changes = _db.GetColumnFamily("changes");
    }

    /// <summary>
    /// Opens a checkpoint (see <see cref="SaveCheckpoint"/>) read-only: it is never written, so it stays exactly as
    /// it was saved however often it is opened.
    /// </summary>
    public static RocksStore OpenReadOnly(string folder) =>
        new(RocksDb.OpenReadOnly(new DbOptions(), folder, Families(), errIfLogFileExists: false));

    private static RocksDb OpenWritable(string folder)
    {
        Directory.CreateDirectory(folder);
        var options = new DbOptions()
            .SetCreateIfMissing(true)
            .SetCreateMissingColumnFamilies(true)
            .IncreaseParallelism(Math.Max(2, Environment.ProcessorCount))
            .SetDbWriteBufferSize(MemtableBudgetBytes);
        return RocksDb.Open(options, folder, Families());
    }

    private static ColumnFamilies Families() => new()
    {
        { "meta", new ColumnFamilyOptions() },
        { "rows", RowsOptions().SetWriteBufferSize(FamilyMemtableBytes) },
        { "changes", new ColumnFamilyOptions().SetWriteBufferSize(FamilyMemtableBytes) },
    };

    // The memtables are most of the store's memory. RocksDB's defaults (64 MB per family, two per family while one
    // flushes) let them grow for minutes under a steady write load before the first flush, so the console's memory
    // climbed for as long as a load run lasted (docs/benchmarks.md, "Load"). A budget for all families flushes
    // early and often, so memory levels off within the first minute; bulk writes measured no slower.
    private const ulong MemtableBudgetBytes = 64UL << 20;
    private const ulong FamilyMemtableBytes = 16UL << 20;

    /// <summary>
    /// Bloom filters on the rows family, in files and in the memtable: every write first looks its row up (for
    /// conditions and the row count), and most written rows are new, so most lookups must be cheap misses.
    /// </summary>
    private static ColumnFamilyOptions RowsOptions()
    {
        var options = new ColumnFamilyOptions()
            .SetBlockBasedTableFactory(new BlockBasedTableOptions().SetFilterPolicy(BloomFilterPolicy.Create(10, false)))
            .SetMemtablePrefixBloomSizeRatio(0.1);
        Native.Instance.rocksdb_options_set_memtable_whole_key_filtering(options.Handle, 1);
        return options;
    }

    public RocksDb Db => _db;
    public ColumnFamilyHandle Meta { get; }
    public ColumnFamilyHandle Rows { get; }
    public ColumnFamilyHandle Changes { get; }

    /// <summary>Every use of the native handles outside the service's write lock runs inside a lease of this guard.</summary>
    public UseGuard Guard { get; }

    public WriteOptions WriteOptions { get; } = new WriteOptions().SetSync(false);

    public void Write(WriteBatch batch) => _db.Write(batch, WriteOptions);

    public static byte[] MetaKey(string name) => Encoding.UTF8.GetBytes(name);

    /// <summary>
    /// Saves a consistent copy of the whole database into <paramref name="folder"/> (which must not exist), mostly
    /// hard links to the immutable files, openable with <see cref="OpenReadOnly"/>. RocksDB builds it in a staging
    /// folder and renames it at the end, so a crash never leaves a half-built <paramref name="folder"/>.
    /// </summary>
    public void SaveCheckpoint(string folder)
    {
        using var checkpoint = _db.Checkpoint();
        checkpoint.Save(folder);
    }

    /// <param name="readOptions">Null reads the newest data; a snapshot's options read as of the snapshot.</param>
    public long GetMetaInt64(string name, long fallback, ReadOptions? readOptions = null)
    {
        var value = _db.Get(MetaKey(name), Meta, readOptions);
        return value is { Length: 8 } ? BinaryPrimitives.ReadInt64LittleEndian(value) : fallback;
    }

    public static byte[] Int64Bytes(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return bytes;
    }

    public static byte[] SequenceKey(long sequence)
    {
        var key = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(key, sequence);
        return key;
    }

    public static void WriteSequenceKey(Span<byte> key, long sequence) => BinaryPrimitives.WriteInt64BigEndian(key, sequence);

    public static long SequenceOf(ReadOnlySpan<byte> key) => BinaryPrimitives.ReadInt64BigEndian(key);

    /// <summary>Closes the database once no lease of <see cref="Guard"/> is running.</summary>
    public void Dispose() => Guard.Close(_db.Dispose);
}
