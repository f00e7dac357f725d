using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Rules;
using DeliveryConsole.TableStore.Storage;
using RocksDbSharp;

namespace DeliveryConsole.TableStore;

/// <summary>
/// Reads rows the way GetRow and GetRange do, from the live store or from a snapshot (whichever
/// <paramref name="readOptions"/> names). Ranges stream from an iterator: a page never loads more than it returns.
/// </summary>
internal sealed class RowReader(RocksStore store, ReadOptions readOptions, Func<string, TableMeta> table, long now)
{
    public const int MaxRangeRows = 5000;
    public const int MaxRangeBytes = 4 * 1024 * 1024;

    public Row? GetRow(string tableName, IReadOnlyList<KeyColumn> key, IReadOnlyList<string>? columnsToGet, int maxVersions)
    {
        var meta = table(tableName);
        Check(RowRules.CheckKey(meta, key, allowAutoIncrement: false) ?? RowRules.CheckMaxVersions(maxVersions)
            ?? RowRules.CheckColumnsToGet(columnsToGet));
        var stored = store.Db.Get(KeyCodec.Encode(meta.Id, key), store.Rows, readOptions);
        return stored is null ? null : new Row([.. key], Visible(stored, Filter(columnsToGet), Retention(meta, maxVersions)));
    }

    public GetRangeResult GetRange(GetRangeRequest request)
    {
        var meta = table(request.TableName);
        Check(RowRules.CheckBound(meta, request.InclusiveStartPrimaryKey, "inclusiveStartPrimaryKey")
            ?? RowRules.CheckBound(meta, request.ExclusiveEndPrimaryKey, "exclusiveEndPrimaryKey")
            ?? RowRules.CheckMaxVersions(request.MaxVersions) ?? RowRules.CheckColumnsToGet(request.ColumnsToGet)
            ?? (request.Limit is < 1 ? $"limit must be greater than 0, not {request.Limit}." : null));
        var start = KeyCodec.EncodeBound(meta.Id, request.InclusiveStartPrimaryKey, out var startExact);
        var end = KeyCodec.EncodeBound(meta.Id, request.ExclusiveEndPrimaryKey, out var endExact);
        var forward = request.Direction == Direction.Forward;
        var order = start.AsSpan().SequenceCompareTo(end);
        if (forward ? order > 0 : order < 0)
            Check(forward
                ? "inclusiveStartPrimaryKey must not be after exclusiveEndPrimaryKey when reading FORWARD."
                : "inclusiveStartPrimaryKey must not be before exclusiveEndPrimaryKey when reading BACKWARD.");

        var columns = Filter(request.ColumnsToGet);
        var retention = Retention(meta, request.MaxVersions);
        // As the real service: any limit above 0 is accepted, and a page never holds more than 5,000 rows.
        var limit = Math.Min(request.Limit ?? MaxRangeRows, MaxRangeRows);
        var rows = new List<Row>();
        var bytes = 0L;
        using var iterator = store.Db.NewIterator(store.Rows, readOptions);
        if (forward)
            iterator.Seek(start);
        else
            iterator.SeekForPrev(start);
        for (; iterator.Valid() && InRange(iterator.GetKeySpan()); Step(iterator))
        {
            if (rows.Count == limit || bytes >= MaxRangeBytes)
                return new GetRangeResult(rows, KeyCodec.Decode(iterator.GetKeySpan(), meta.PrimaryKey));
            var key = iterator.GetKeySpan();
            var value = iterator.GetValueSpan();
            bytes += key.Length + value.Length;
            rows.Add(new Row(KeyCodec.Decode(key, meta.PrimaryKey), Visible(value, columns, retention)));
        }
        return new GetRangeResult(rows, null);

        bool InRange(ReadOnlySpan<byte> key)
        {
            if (forward)
                return key.SequenceCompareTo(end) < 0;
            var fromStart = key.SequenceCompareTo(start);
            if (fromStart > 0 || (fromStart == 0 && !startExact))
                return false;
            var fromEnd = key.SequenceCompareTo(end);
            return endExact ? fromEnd > 0 : fromEnd >= 0;
        }

        void Step(Iterator it)
        {
            if (forward)
                it.Next();
            else
                it.Prev();
        }
    }

    /// <summary>
    /// Every row of a table in key order from <paramref name="fromInclusive"/> on (null: the first row), newest
    /// version of each cell, streamed.
    /// </summary>
    public IEnumerable<Row> Scan(string tableName, IReadOnlyList<KeyColumn>? fromInclusive)
    {
        var meta = table(tableName);
        var prefix = KeyCodec.TablePrefix(meta.Id);
        var start = prefix;
        if (fromInclusive is not null)
        {
            Check(RowRules.CheckBound(meta, fromInclusive, "fromInclusive"));
            start = KeyCodec.EncodeBound(meta.Id, fromInclusive, out _);
        }
        var end = KeyCodec.Successor(prefix);
        var retention = Retention(meta, 1);
        using var iterator = store.Db.NewIterator(store.Rows, readOptions);
        for (iterator.Seek(start); iterator.Valid() && iterator.GetKeySpan().SequenceCompareTo(end) < 0; iterator.Next())
            yield return new Row(KeyCodec.Decode(iterator.GetKeySpan(), meta.PrimaryKey), Visible(iterator.GetValueSpan(), null, retention));
    }

    private List<Cell> Visible(ReadOnlySpan<byte> stored, HashSet<string>? columns, TableOptions retention)
    {
        var cells = RowCodec.Decode(stored);
        if (columns is not null)
            cells.RemoveAll(c => !columns.Contains(c.Name));
        return RowMerge.Retain(cells, retention, now);
    }

    // What a read keeps: the table's time to live, and no more versions than asked for or than the table keeps.
    private static TableOptions Retention(TableMeta meta, int maxVersions) =>
        meta.Options with { MaxVersions = Math.Min(maxVersions, meta.Options.MaxVersions) };

    private static HashSet<string>? Filter(IReadOnlyList<string>? columnsToGet) =>
        columnsToGet is { Count: > 0 } ? columnsToGet.ToHashSet(StringComparer.Ordinal) : null;

    private static void Check(string? error)
    {
        if (error is not null)
            throw TableStoreException.Invalid(error);
    }
}
