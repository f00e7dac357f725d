using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.TableStore.Model;
using static DeliveryConsole.Web.Wire.PlainBuffer.PlainBufferFormat;

namespace DeliveryConsole.Web.Wire.PlainBuffer;

/// <summary>
/// Encodes rows exactly as the SDKs do (cell order on the wire: name, value, type, timestamp), with cell and row
/// checksums. Read results never carry TAG_CELL_TYPE or a delete marker: the node SDK crashes on the first and Java
/// rejects the second in read rows.
/// </summary>
public static class PlainBufferWriter
{
    /// <summary>Any row, with operation types, timestamps and delete marker as given (requests, tests).</summary>
    public static byte[] WriteRow(PlainBufferRow row)
    {
        var output = StartBuffer();
        WriteRowBody(output, row, extension: null);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>A key-only row (GetRow keys, GetRange bounds, returned primary keys).</summary>
    public static byte[] WritePrimaryKey(IReadOnlyList<KeyColumn> primaryKey) => WriteRow(new PlainBufferRow(primaryKey, [], false));

    /// <summary>One read result (GetRow): key cells, then every cell version with its value and timestamp.</summary>
    public static byte[] WriteReadRow(Row row) => WriteReadRows([row]);

    /// <summary>
    /// Read results after one header (GetRange, BatchGetRow). No rows is an empty buffer: the SDKs only decode
    /// <c>rows</c> when it has bytes.
    /// </summary>
    public static byte[] WriteReadRows(IEnumerable<Row> rows)
    {
        ArrayBufferWriter<byte>? output = null;
        foreach (var row in rows)
        {
            output ??= StartBuffer();
            var cells = row.Columns.Select(cell => new PlainBufferCell(cell.Name, cell.Value, CellOperation.Put, cell.Timestamp)).ToList();
            WriteRowBody(output, new PlainBufferRow(row.PrimaryKey, cells, false), extension: null);
        }
        return output?.WrittenSpan.ToArray() ?? [];
    }

    /// <summary>
    /// One stream record (GetStreamRecord.record): puts carry value + timestamp, version deletes a timestamp, delete-alls
    /// neither; a DeleteRow carries the delete marker. The extension holds the sequence info the Java and Go SDKs require:
    /// epoch, the commit time in microseconds (readers divide RecordSequenceInfo.timestamp by 1000 to get ms) and the
    /// row index.
    /// </summary>
    public static byte[] WriteStreamRecord(ChangeRecord record, uint epoch, uint rowIndex)
    {
        var cells = record.Columns.Select(ToRecordCell).ToList();
        var row = new PlainBufferRow(record.PrimaryKey, cells, record.Action == ChangeAction.DeleteRow);
        var output = StartBuffer();
        WriteRowBody(output, row, new SequenceInfo(epoch, record.CommitTime * 1000, rowIndex));
        return output.WrittenSpan.ToArray();
    }

    private static PlainBufferCell ToRecordCell(ColumnChange change) => change.Type switch
    {
        ColumnChangeType.Put => new PlainBufferCell(change.Name,
            change.Value ?? throw new InvalidOperationException($"put of '{change.Name}' has no value"), CellOperation.Put, change.Timestamp),
        ColumnChangeType.DeleteOneVersion => new PlainBufferCell(change.Name, null, CellOperation.DeleteOneVersion,
            change.Timestamp ?? throw new InvalidOperationException($"version delete of '{change.Name}' has no timestamp")),
        ColumnChangeType.DeleteAllVersions => new PlainBufferCell(change.Name, null, CellOperation.DeleteAllVersions, null),
        _ => throw new InvalidOperationException($"unknown column change {change.Type}"),
    };

    private readonly record struct SequenceInfo(uint Epoch, long TimestampMicroseconds, uint RowIndex);

    private static ArrayBufferWriter<byte> StartBuffer()
    {
        var output = new ArrayBufferWriter<byte>(256);
        WriteUInt32(output, Header);
        return output;
    }

    private static void WriteRowBody(ArrayBufferWriter<byte> output, PlainBufferRow row, SequenceInfo? extension)
    {
        byte rowChecksum = 0;
        WriteByte(output, TagRowPrimaryKey);
        foreach (var key in row.PrimaryKey)
            rowChecksum = PlainBufferCrc8.Update(rowChecksum, WriteCell(output, key.Name, key.Value, null, null));
        if (row.Cells.Count > 0)
        {
            WriteByte(output, TagRowData);
            foreach (var cell in row.Cells)
                rowChecksum = PlainBufferCrc8.Update(rowChecksum, WriteCell(output, cell.Name, cell.Value, OperationByte(cell.Operation), cell.Timestamp));
        }
        if (row.DeleteMarker)
            WriteByte(output, TagDeleteRowMarker);
        rowChecksum = PlainBufferCrc8.Update(rowChecksum, row.DeleteMarker ? (byte)1 : (byte)0);
        if (extension is { } sequence)
            WriteExtension(output, sequence);
        WriteByte(output, TagRowChecksum);
        WriteByte(output, rowChecksum);
    }

    /// <summary>Writes one cell and returns its checksum: name bytes, value (type + payload), timestamp, then type.</summary>
    private static byte WriteCell(ArrayBufferWriter<byte> output, string name, Value? value, byte? operation, long? timestamp)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        WriteByte(output, TagCell);
        WriteByte(output, TagCellName);
        WriteUInt32(output, (uint)nameBytes.Length);
        output.Write(nameBytes);
        var checksum = PlainBufferCrc8.Update(0, nameBytes);

        if (value is { } cellValue)
        {
            var payload = WriteVariant(cellValue);
            WriteByte(output, TagCellValue);
            WriteUInt32(output, (uint)payload.Length);
            output.Write(payload);
            checksum = PlainBufferCrc8.Update(checksum, payload);
        }
        if (operation is { } op)
        {
            WriteByte(output, TagCellType);
            WriteByte(output, op);
        }
        if (timestamp is { } ts)
        {
            WriteByte(output, TagCellTimestamp);
            WriteInt64(output, ts);
            checksum = PlainBufferCrc8.UpdateInt64(checksum, ts);
        }
        if (operation is { } opLast)
            checksum = PlainBufferCrc8.Update(checksum, opLast);

        WriteByte(output, TagCellChecksum);
        WriteByte(output, checksum);
        return checksum;
    }

    /// <summary>The SQL-variant form of a value: type byte + payload, strings and blobs with a u32 length.</summary>
    public static byte[] WriteVariant(Value value)
    {
        var output = new ArrayBufferWriter<byte>(16);
        switch (value.Kind)
        {
            case ValueKind.Integer:
                WriteByte(output, TypeInteger);
                WriteInt64(output, value.AsInteger);
                break;
            case ValueKind.Double:
                WriteByte(output, TypeDouble);
                WriteInt64(output, BitConverter.DoubleToInt64Bits(value.AsDouble));
                break;
            case ValueKind.Boolean:
                WriteByte(output, TypeBoolean);
                WriteByte(output, value.AsBoolean ? (byte)1 : (byte)0);
                break;
            case ValueKind.String:
                WriteLengthPrefixed(output, TypeString, Encoding.UTF8.GetBytes(value.AsString));
                break;
            case ValueKind.Binary:
                WriteLengthPrefixed(output, TypeBlob, value.AsBinary);
                break;
            case ValueKind.InfMin:
                WriteByte(output, TypeInfMin);
                break;
            case ValueKind.InfMax:
                WriteByte(output, TypeInfMax);
                break;
            case ValueKind.AutoIncrement:
                WriteByte(output, TypeAutoIncrement);
                break;
            default:
                throw new InvalidOperationException($"unknown value kind {value.Kind}");
        }
        return output.WrittenSpan.ToArray();
    }

    // Sizes as the Java SDK computes them: sequence info is 3 tagged fields (1+4, 1+8, 1+4 = 19 bytes) and the
    // extension wraps it with its own tag and length (1+4+19 = 24 bytes).
    private static void WriteExtension(ArrayBufferWriter<byte> output, SequenceInfo sequence)
    {
        WriteByte(output, TagExtension);
        WriteUInt32(output, 24);
        WriteByte(output, TagSequenceInfo);
        WriteUInt32(output, 19);
        WriteByte(output, TagSequenceInfoEpoch);
        WriteUInt32(output, sequence.Epoch);
        WriteByte(output, TagSequenceInfoTimestamp);
        WriteInt64(output, sequence.TimestampMicroseconds);
        WriteByte(output, TagSequenceInfoRowIndex);
        WriteUInt32(output, sequence.RowIndex);
    }

    private static void WriteLengthPrefixed(ArrayBufferWriter<byte> output, byte type, ReadOnlySpan<byte> bytes)
    {
        WriteByte(output, type);
        WriteUInt32(output, (uint)bytes.Length);
        output.Write(bytes);
    }

    private static void WriteByte(ArrayBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    private static void WriteUInt32(ArrayBufferWriter<byte> output, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(output.GetSpan(4), value);
        output.Advance(4);
    }

    private static void WriteInt64(ArrayBufferWriter<byte> output, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(output.GetSpan(8), value);
        output.Advance(8);
    }
}
