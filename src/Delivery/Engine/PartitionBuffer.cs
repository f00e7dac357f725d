using DeliveryConsole.Delivery.Parquet;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Engine;

/// <summary>
/// The rows of one resolved prefix becoming one object, in position order, with what the object's catalog entry
/// needs: the position range, the partition and commit time ranges, and the rows' dirty cells. Rows are encoded
/// into the object a row group at a time as they arrive, so memory holds one row group of rows plus the encoded
/// (compressed) object, never a whole object's rows. When <see cref="Intent"/> is set the buffer redoes an upload
/// recorded before a restart: it takes exactly that intent's rows and is written under that intent's key.
/// </summary>
internal sealed class PartitionBuffer(string prefix, ParquetObjectWriter writer, ObjectSpool encoded, DateTimeOffset openedAt, ObjectIntent? intent)
    : IDisposable
{
    private readonly ParquetBuffer _rows = new(writer.Schema);
    private readonly ObjectSpool _encoded = encoded;
    private ParquetObjectStream? _parquet;

    public string Prefix { get; } = prefix;
    public DateTimeOffset OpenedAt { get; } = openedAt;
    public ObjectIntent? Intent { get; } = intent;
    public List<DirtyRecord> Dirty { get; } = [];
    public long FirstPosition { get; private set; }
    public long LastPosition { get; private set; }
    public IReadOnlyList<KeyColumn>? FirstKey { get; private set; }
    public long MinPartitionTime { get; private set; } = long.MaxValue;
    public long MaxPartitionTime { get; private set; } = long.MinValue;
    public long FirstCommitTime { get; private set; } = long.MaxValue;
    public long LastCommitTime { get; private set; } = long.MinValue;
    public int DirtyCells { get; private set; }

    public long RowCount { get; private set; }

    /// <summary>The object's size so far: the encoded row groups and the rows not yet encoded (their PLAIN size).</summary>
    public long EstimatedBytes => _encoded.Length + _rows.EstimatedBytes;

    /// <summary>True when the rows not yet encoded make a full row group: call <see cref="EncodeRowGroupAsync"/>.</summary>
    public bool RowGroupFull => _rows.RowCount >= writer.MaxRowsPerRowGroup;

    public void Append(in SourceRow row, ReadOnlySpan<Value?> values, long partitionTime, int dirtyCells)
    {
        if (RowCount == 0)
        {
            FirstPosition = row.Position;
            FirstKey = row.PrimaryKey;
        }
        _rows.Append(values);
        RowCount++;
        LastPosition = row.Position;
        MinPartitionTime = Math.Min(MinPartitionTime, partitionTime);
        MaxPartitionTime = Math.Max(MaxPartitionTime, partitionTime);
        FirstCommitTime = Math.Min(FirstCommitTime, row.CommitTime);
        LastCommitTime = Math.Max(LastCommitTime, row.CommitTime);
        DirtyCells += dirtyCells;
    }

    /// <summary>Encodes the rows held into the object as row groups and lets their memory be reused.</summary>
    public async Task EncodeRowGroupAsync(CancellationToken cancellationToken)
    {
        _parquet ??= await writer.OpenAsync(_encoded, cancellationToken);
        await _parquet.WriteRowGroupsAsync(_rows, cancellationToken);
        _rows.Clear();
    }

    /// <summary>Encodes what is left and the footer; the returned stream (owned by this buffer) reads the whole object.</summary>
    public async Task<Stream> CompleteAsync(CancellationToken cancellationToken)
    {
        await EncodeRowGroupAsync(cancellationToken);
        await _parquet!.DisposeAsync();
        _encoded.Rewind();
        return _encoded;
    }

    public void Dispose() => _encoded.Dispose();

    /// <summary>True when the intent this buffer redoes has all its rows: the reader is past its last position.</summary>
    public bool IntentComplete(long readThrough) => Intent is { } intent && readThrough >= intent.LastPosition;
}
