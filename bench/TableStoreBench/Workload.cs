using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.TableStoreBench;

/// <summary>
/// The data set, generated before any timing: row i has the 16-character key <c>pk-0000000000042</c> and six
/// attribute columns (the perf-anchors shape): v_long INTEGER, ts INTEGER, value DOUBLE, flag BOOLEAN,
/// label STRING (20 chars), note STRING (12 chars).
/// </summary>
internal sealed class Workload
{
    public const string Table = "bench";
    public const string KeyName = "pk";
    public const uint TableId = 1; // the first table a fresh store creates
    private const long CommitTime = 1_767_225_600_000;

    // Column names in write order (the change record keeps this order; the stored row sorts by name).
    public static readonly string[] Columns = ["v_long", "ts", "value", "flag", "label", "note"];

    public Workload(int rows, int seed)
    {
        Rows = rows;
        Keys = new string[rows];
        Labels = new string[rows];
        Notes = new string[rows];
        VLong = new long[rows];
        for (var i = 0; i < rows; i++)
        {
            Keys[i] = "pk-" + i.ToString("D13", CultureInfo.InvariantCulture);
            VLong[i] = (long)((ulong)i * 2654435761UL % 1_000_000_007UL);
            Labels[i] = "label-" + (VLong[i] % 100_000).ToString("D14", CultureInfo.InvariantCulture);
            Notes[i] = "note-" + (i % 9_999_999).ToString("D7", CultureInfo.InvariantCulture);
        }
        Ascending = [.. Enumerable.Range(0, rows)];
        Random = [.. Ascending];
        new Random(seed).Shuffle(Random);
    }

    public int Rows { get; }
    public string[] Keys { get; }
    public long[] VLong { get; }
    public string[] Labels { get; }
    public string[] Notes { get; }

    /// <summary>Write orders: row indexes ascending, and the same indexes shuffled.</summary>
    public int[] Ascending { get; }
    public int[] Random { get; }

    public static long Ts(int i) => 1_700_000_000_000 + 37L * i;
    public static bool Flag(int i) => i % 3 == 0;
    public double Double(int i) => VLong[i] * 0.001;

    /// <summary>Row i as a BatchWriteRow client builds it: PUT, condition IGNORE, server timestamps.</summary>
    public RowWrite Write(int i) => new(
        WriteType.Put,
        [new KeyColumn(KeyName, Value.String(Keys[i]))],
        [
            new ColumnPut("v_long", Value.Integer(VLong[i])),
            new ColumnPut("ts", Value.Integer(Ts(i))),
            new ColumnPut("value", Value.Double(Double(i))),
            new ColumnPut("flag", Value.Boolean(Flag(i))),
            new ColumnPut("label", Value.String(Labels[i])),
            new ColumnPut("note", Value.String(Notes[i])),
        ]);

    /// <summary>
    /// Every row pre-encoded for the raw RocksDB reference, byte-for-byte the size the store writes: the row key
    /// (table id, escaped UTF-8 key, terminator), the row value (cells sorted by name: name, timestamp, kind, value)
    /// and the change record value (commit time, table, action, key, each column with type, flags, value, timestamp).
    /// </summary>
    public RawArena Encode()
    {
        var arena = new RawArena(Rows);
        var buffer = new Buffer();
        var sorted = Columns.Order(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < Rows; i++)
        {
            buffer.Clear();
            buffer.UInt32BigEndian(TableId);
            buffer.Raw(Encoding.UTF8.GetBytes(Keys[i]));
            buffer.Byte(0);
            buffer.Byte(1);
            arena.Add(buffer.Span);

            buffer.Clear();
            buffer.VarUInt((ulong)sorted.Length);
            foreach (var name in sorted)
            {
                buffer.String(name);
                buffer.Int64(CommitTime);
                ValueOf(buffer, i, name);
            }
            arena.Add(buffer.Span);

            buffer.Clear();
            buffer.Int64(CommitTime);
            buffer.String(Table);
            buffer.Byte(1); // PutRow
            buffer.VarUInt(1);
            buffer.String(KeyName);
            buffer.Byte(2);
            buffer.String(Keys[i]);
            buffer.VarUInt((ulong)Columns.Length);
            foreach (var name in Columns)
            {
                buffer.String(name);
                buffer.Byte(1); // Put
                buffer.Byte(3); // value and timestamp present
                ValueOf(buffer, i, name);
                buffer.Int64(CommitTime);
            }
            arena.Add(buffer.Span);
        }
        return arena;
    }

    private void ValueOf(Buffer buffer, int i, string column)
    {
        switch (column)
        {
            case "v_long": buffer.Byte(1); buffer.Int64(VLong[i]); break;
            case "ts": buffer.Byte(1); buffer.Int64(Ts(i)); break;
            case "value": buffer.Byte(4); buffer.Int64(BitConverter.DoubleToInt64Bits(Double(i))); break;
            case "flag": buffer.Byte(5); buffer.Byte(Flag(i) ? (byte)1 : (byte)0); break;
            case "label": buffer.Byte(2); buffer.String(Labels[i]); break;
            default: buffer.Byte(2); buffer.String(Notes[i]); break;
        }
    }

    private sealed class Buffer
    {
        private readonly byte[] _bytes = new byte[1024];
        private int _length;

        public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, _length);

        public void Clear() => _length = 0;

        public void Byte(byte value) => _bytes[_length++] = value;

        public void Raw(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_bytes.AsSpan(_length));
            _length += bytes.Length;
        }

        public void UInt32BigEndian(uint value)
        {
            BinaryPrimitives.WriteUInt32BigEndian(_bytes.AsSpan(_length), value);
            _length += 4;
        }

        public void Int64(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(_bytes.AsSpan(_length), value);
            _length += 8;
        }

        public void VarUInt(ulong value)
        {
            for (; value >= 0x80; value >>= 7)
                Byte((byte)(value | 0x80));
            Byte((byte)value);
        }

        public void String(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            VarUInt((ulong)bytes.Length);
            Raw(bytes);
        }
    }
}

/// <summary>Three byte strings per row (row key, row value, change value) in one contiguous array.</summary>
internal sealed class RawArena(int rows)
{
    private byte[] _bytes = new byte[rows * 400L > Array.MaxLength ? Array.MaxLength : (int)(rows * 400L) + 1024];
    private readonly int[] _offsets = new int[rows * 3 + 1];
    private int _count;

    public long Bytes => _offsets[_count];

    public void Add(ReadOnlySpan<byte> item)
    {
        var start = _offsets[_count];
        if (start + item.Length > _bytes.Length)
            Array.Resize(ref _bytes, checked(_bytes.Length * 2));
        item.CopyTo(_bytes.AsSpan(start));
        _offsets[++_count] = start + item.Length;
    }

    public ReadOnlySpan<byte> RowKey(int row) => Item(row * 3);
    public ReadOnlySpan<byte> RowValue(int row) => Item(row * 3 + 1);
    public ReadOnlySpan<byte> ChangeValue(int row) => Item(row * 3 + 2);

    private ReadOnlySpan<byte> Item(int index) => _bytes.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);
}
