using DeliveryConsole.Delivery.Parquet;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Engine;

/// <summary>
/// The rows of one resolved prefix waiting to become one object, in position order, with what the object's
/// catalog entry needs: the position range, the partition and commit time ranges, and the rows' dirty cells.
/// When <see cref="Intent"/> is set the buffer redoes an upload recorded before a restart: it takes exactly that
/// intent's rows and is written under that intent's key.
/// </summary>
internal sealed class PartitionBuffer(string prefix, IReadOnlyList<SchemaColumn> schema, DateTimeOffset openedAt, ObjectIntent? intent)
{
    public string Prefix { get; } = prefix;
    public ParquetBuffer Rows { get; } = new(schema);
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

    /// <summary>The Parquet data held, as <see cref="ParquetBuffer.EstimatedBytes"/>.</summary>
    public long EstimatedBytes => Rows.EstimatedBytes;

    public void Append(in SourceRow row, ReadOnlySpan<Value?> values, long partitionTime, int dirtyCells)
    {
        if (Rows.RowCount == 0)
        {
            FirstPosition = row.Position;
            FirstKey = row.PrimaryKey;
        }
        Rows.Append(values);
        LastPosition = row.Position;
        MinPartitionTime = Math.Min(MinPartitionTime, partitionTime);
        MaxPartitionTime = Math.Max(MaxPartitionTime, partitionTime);
        FirstCommitTime = Math.Min(FirstCommitTime, row.CommitTime);
        LastCommitTime = Math.Max(LastCommitTime, row.CommitTime);
        DirtyCells += dirtyCells;
    }

    /// <summary>True when the intent this buffer redoes has all its rows: the reader is past its last position.</summary>
    public bool IntentComplete(long readThrough) => Intent is { } intent && readThrough >= intent.LastPosition;
}
