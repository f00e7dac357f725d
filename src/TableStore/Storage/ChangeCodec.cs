using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.TableStore.Storage;

/// <summary>A change record's stored form; the sequence is the record's key, not part of the value.</summary>
internal static class ChangeCodec
{
    /// <summary>Writes the record (without its sequence) into <paramref name="writer"/>, cleared first.</summary>
    public static void Encode(ChangeRecord change, ValueWriter writer)
    {
        writer.Clear();
        writer.Int64(change.CommitTime);
        writer.String(change.TableName);
        writer.Byte((byte)change.Action);
        writer.VarUInt((ulong)change.PrimaryKey.Count);
        foreach (var column in change.PrimaryKey)
        {
            writer.String(column.Name);
            writer.Value(column.Value);
        }
        writer.VarUInt((ulong)change.Columns.Count);
        foreach (var column in change.Columns)
        {
            writer.String(column.Name);
            writer.Byte((byte)column.Type);
            writer.Byte((byte)((column.Value is null ? 0 : 1) | (column.Timestamp is null ? 0 : 2)));
            if (column.Value is { } value)
                writer.Value(value);
            if (column.Timestamp is { } timestamp)
                writer.Int64(timestamp);
        }
    }

    public static long CommitTimeOf(ReadOnlySpan<byte> data) => new ValueReader(data).Int64();

    public static ChangeRecord Decode(long sequence, ReadOnlySpan<byte> data)
    {
        var reader = new ValueReader(data);
        var commitTime = reader.Int64();
        var table = reader.String();
        var action = (ChangeAction)reader.Byte();
        var key = new KeyColumn[(int)reader.VarUInt()];
        for (var i = 0; i < key.Length; i++)
            key[i] = new KeyColumn(reader.String(), reader.Value());
        var columns = new ColumnChange[(int)reader.VarUInt()];
        for (var i = 0; i < columns.Length; i++)
        {
            var name = reader.String();
            var type = (ColumnChangeType)reader.Byte();
            var flags = reader.Byte();
            Value? value = (flags & 1) != 0 ? reader.Value() : null;
            long? timestamp = (flags & 2) != 0 ? reader.Int64() : null;
            columns[i] = new ColumnChange(name, type, value, timestamp);
        }
        return new ChangeRecord(sequence, commitTime, table, action, key, columns);
    }
}
