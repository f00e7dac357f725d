using DeliveryConsole.TableStore.Model;
using static DeliveryConsole.Web.Wire.PlainBuffer.PlainBufferFormat;

namespace DeliveryConsole.Web.Wire.PlainBuffer;

/// <summary>
/// Decodes PlainBuffer rows as the SDKs send them, verifying every cell and row checksum. Any malformed input
/// throws <see cref="PlainBufferFormatException"/> and nothing else.
/// </summary>
public static class PlainBufferReader
{
    /// <summary>
    /// One row (header + row), as in PutRow/UpdateRow/DeleteRow and each BatchWriteRow row. Only 0x00 bytes may
    /// follow the row checksum: the node SDK over-allocates its buffers and leaves zero padding.
    /// </summary>
    public static PlainBufferRow ReadRow(ReadOnlySpan<byte> buffer)
    {
        var cursor = new PlainBufferCursor(buffer);
        ReadHeader(ref cursor);
        var row = ReadRowBody(ref cursor);
        SkipZeroPadding(ref cursor);
        if (!cursor.AtEnd)
            throw cursor.Fail("unexpected bytes after the row checksum");
        return row;
    }

    /// <summary>
    /// A key-only row (GetRow keys, GetRange bounds, DeleteRow keys): INF_MIN, INF_MAX and AUTO_INCREMENT come back as
    /// the matching <see cref="Value"/> placeholders. A delete marker is tolerated; attribute cells are not.
    /// </summary>
    public static IReadOnlyList<KeyColumn> ReadPrimaryKey(ReadOnlySpan<byte> buffer)
    {
        var row = ReadRow(buffer);
        if (row.Cells.Count > 0)
            throw new PlainBufferFormatException($"a primary key must not carry attribute cells, found {row.Cells.Count}", 0);
        return row.PrimaryKey;
    }

    /// <summary>Many rows after one header (GetRange results, BatchGetRow); empty input is no rows.</summary>
    public static IReadOnlyList<PlainBufferRow> ReadRows(ReadOnlySpan<byte> buffer)
    {
        if (buffer.IsEmpty)
            return [];
        var cursor = new PlainBufferCursor(buffer);
        ReadHeader(ref cursor);
        var rows = new List<PlainBufferRow> { ReadRowBody(ref cursor) };
        while (cursor.Peek() == TagRowPrimaryKey)
            rows.Add(ReadRowBody(ref cursor));
        SkipZeroPadding(ref cursor);
        if (!cursor.AtEnd)
            throw cursor.Fail("unexpected bytes after the last row");
        return rows;
    }

    /// <summary>The SQL-variant form of a value (type byte + payload, no length prefix), as in a filter's column_value.</summary>
    public static Value ReadVariant(ReadOnlySpan<byte> buffer)
    {
        var cursor = new PlainBufferCursor(buffer);
        return ReadValuePayload(ref cursor);
    }

    private static void ReadHeader(ref PlainBufferCursor cursor)
    {
        var offset = cursor.Offset;
        var header = cursor.ReadUInt32("header");
        if (header != Header)
            throw new PlainBufferFormatException($"header is 0x{header:X}, expected 0x{Header:X}", offset);
    }

    private static void SkipZeroPadding(ref PlainBufferCursor cursor)
    {
        while (cursor.Peek() == 0)
            cursor.ReadByte("padding");
    }

    private static PlainBufferRow ReadRowBody(ref PlainBufferCursor cursor)
    {
        cursor.Expect(TagRowPrimaryKey, "TAG_ROW_PK");
        byte rowChecksum = 0;
        var primaryKey = new List<KeyColumn>();
        while (cursor.Peek() == TagCell)
        {
            var (cell, checksum) = ReadCell(ref cursor);
            if (cell.Value is not { } value || cell.Operation != CellOperation.Put || cell.Timestamp is not null)
                throw cursor.Fail($"primary key column '{cell.Name}' must have a value and no type or timestamp");
            primaryKey.Add(new KeyColumn(cell.Name, value));
            rowChecksum = PlainBufferCrc8.Update(rowChecksum, checksum);
        }

        var cells = new List<PlainBufferCell>();
        if (cursor.Peek() == TagRowData)
        {
            cursor.ReadByte("TAG_ROW_DATA");
            while (cursor.Peek() == TagCell)
            {
                var (cell, checksum) = ReadCell(ref cursor);
                cells.Add(cell);
                rowChecksum = PlainBufferCrc8.Update(rowChecksum, checksum);
            }
        }

        var deleteMarker = cursor.Peek() == TagDeleteRowMarker;
        if (deleteMarker)
            cursor.ReadByte("TAG_DELETE_ROW_MARKER");
        rowChecksum = PlainBufferCrc8.Update(rowChecksum, deleteMarker ? (byte)1 : (byte)0);

        // Stream records carry sequence info here; it is not covered by the checksum and the SDKs skip it by length.
        if (cursor.Peek() == TagExtension)
        {
            cursor.ReadByte("TAG_EXTENSION");
            cursor.ReadLengthPrefixed("extension");
        }

        cursor.Expect(TagRowChecksum, "TAG_ROW_CHECKSUM");
        var offset = cursor.Offset;
        var expected = cursor.ReadByte("row checksum");
        if (expected != rowChecksum)
            throw new PlainBufferFormatException($"row checksum mismatch: buffer says 0x{expected:X2}, computed 0x{rowChecksum:X2}", offset);
        return new PlainBufferRow(primaryKey, cells, deleteMarker);
    }

    private static (PlainBufferCell Cell, byte Checksum) ReadCell(ref PlainBufferCursor cursor)
    {
        cursor.Expect(TagCell, "TAG_CELL");
        cursor.Expect(TagCellName, "TAG_CELL_NAME");
        var nameOffset = cursor.Offset + 4;
        var nameBytes = cursor.ReadLengthPrefixed("cell name");
        var name = PlainBufferCursor.DecodeUtf8(nameBytes, nameOffset, "cell name");
        var checksum = PlainBufferCrc8.Update(0, nameBytes);

        Value? value = null;
        if (cursor.Peek() == TagCellValue)
        {
            cursor.ReadByte("TAG_CELL_VALUE");
            var valueOffset = cursor.Offset + 4;
            var valueBytes = cursor.ReadLengthPrefixed($"value of '{name}'");
            var valueCursor = new PlainBufferCursor(valueBytes, valueOffset);
            value = ReadValuePayload(ref valueCursor);
            // The checksum covers the type byte and payload, not the total length before them.
            checksum = PlainBufferCrc8.Update(checksum, valueBytes);
        }

        var operation = CellOperation.Put;
        byte? operationByte = null;
        if (cursor.Peek() == TagCellType)
        {
            cursor.ReadByte("TAG_CELL_TYPE");
            var offset = cursor.Offset;
            operationByte = cursor.ReadByte($"operation type of '{name}'");
            operation = operationByte switch
            {
                OperationDeleteAllVersions => CellOperation.DeleteAllVersions,
                OperationDeleteOneVersion => CellOperation.DeleteOneVersion,
                OperationIncrement => CellOperation.Increment,
                _ => throw new PlainBufferFormatException($"unknown operation type 0x{operationByte:X2} on '{name}'", offset),
            };
        }

        long? timestamp = null;
        if (cursor.Peek() == TagCellTimestamp)
        {
            cursor.ReadByte("TAG_CELL_TIMESTAMP");
            timestamp = cursor.ReadInt64($"timestamp of '{name}'");
            checksum = PlainBufferCrc8.UpdateInt64(checksum, timestamp.Value);
        }
        // The operation type is folded in last although it precedes the timestamp on the wire.
        if (operationByte is { } op)
            checksum = PlainBufferCrc8.Update(checksum, op);

        cursor.Expect(TagCellChecksum, "TAG_CELL_CHECKSUM");
        var checksumOffset = cursor.Offset;
        var expected = cursor.ReadByte("cell checksum");
        if (expected != checksum)
            throw new PlainBufferFormatException($"cell checksum mismatch on '{name}': buffer says 0x{expected:X2}, computed 0x{checksum:X2}", checksumOffset);

        if (value is null && operation is CellOperation.Put or CellOperation.Increment)
            throw new PlainBufferFormatException($"cell '{name}' ({operation}) has no value", checksumOffset);
        if (timestamp is null && operation == CellOperation.DeleteOneVersion)
            throw new PlainBufferFormatException($"cell '{name}' deletes one version but has no timestamp", checksumOffset);
        return (new PlainBufferCell(name, value, operation, timestamp), checksum);
    }

    /// <summary>Type byte + payload, which must fill the cursor exactly.</summary>
    private static Value ReadValuePayload(ref PlainBufferCursor cursor)
    {
        var typeOffset = cursor.Offset;
        var type = cursor.ReadByte("value type");
        var value = type switch
        {
            TypeInteger => Value.Integer(cursor.ReadInt64("INTEGER value")),
            TypeDouble => Value.Double(BitConverter.Int64BitsToDouble(cursor.ReadInt64("DOUBLE value"))),
            TypeBoolean => ReadBoolean(ref cursor),
            TypeString => ReadString(ref cursor),
            TypeBlob => Value.Binary(cursor.ReadLengthPrefixed("BLOB value").ToArray()),
            TypeInfMin => Value.InfMin,
            TypeInfMax => Value.InfMax,
            TypeAutoIncrement => Value.AutoIncrement,
            _ => throw new PlainBufferFormatException($"unknown value type 0x{type:X2}", typeOffset),
        };
        if (!cursor.AtEnd)
            throw cursor.Fail($"value length does not match its {value.TypeName} payload ({cursor.Remaining} extra bytes)");
        return value;
    }

    private static Value ReadBoolean(ref PlainBufferCursor cursor)
    {
        var offset = cursor.Offset;
        return cursor.ReadByte("BOOLEAN value") switch
        {
            0 => Value.Boolean(false),
            1 => Value.Boolean(true),
            var other => throw new PlainBufferFormatException($"BOOLEAN value must be 0 or 1, found {other}", offset),
        };
    }

    private static Value ReadString(ref PlainBufferCursor cursor)
    {
        var offset = cursor.Offset + 4;
        return Value.String(PlainBufferCursor.DecodeUtf8(cursor.ReadLengthPrefixed("STRING value"), offset, "STRING value"));
    }
}
