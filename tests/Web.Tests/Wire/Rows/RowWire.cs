using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.Wire.PlainBuffer;
using DeliveryConsole.Web.Wire.Protocol;
using Google.Protobuf;
using PrimaryKeyType = DeliveryConsole.Web.Wire.Protocol.PrimaryKeyType;
using TableOptions = DeliveryConsole.Web.Wire.Protocol.TableOptions;
using TableMeta = DeliveryConsole.Web.Wire.Protocol.TableMeta;
using StreamSpecification = DeliveryConsole.Web.Wire.Protocol.StreamSpecification;
using LogicalOperator = DeliveryConsole.Web.Wire.Protocol.LogicalOperator;

namespace DeliveryConsole.Web.Tests.Wire.Rows;

/// <summary>Builds the row actions' requests as an SDK would, and decodes their rows the way the SDKs' readers must.</summary>
public static class RowWire
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task CreateTableAsync(WireClient wire, string name, int maxVersions = 1, bool stream = false,
        params (string Name, PrimaryKeyType Type, bool AutoIncrement)[] key)
    {
        var meta = new TableMeta { TableName = name };
        foreach (var (column, type, autoIncrement) in key.Length == 0 ? [("id", PrimaryKeyType.String, false)] : key)
        {
            var schema = new PrimaryKeySchema { Name = column, Type = type };
            if (autoIncrement)
                schema.Option = PrimaryKeyOption.AutoIncrement;
            meta.PrimaryKey.Add(schema);
        }
        await wire.OkAsync("CreateTable", new CreateTableRequest
        {
            TableMeta = meta,
            ReservedThroughput = new ReservedThroughput { CapacityUnit = new CapacityUnit { Read = 0, Write = 0 } },
            TableOptions = new TableOptions { TimeToLive = -1, MaxVersions = maxVersions },
            StreamSpec = new StreamSpecification { EnableStream = stream },
        }, CreateTableResponse.Parser, Cancel);
    }

    public static KeyColumn[] Key(string id) => [new("id", Value.String(id))];

    public static ByteString Bytes(byte[] bytes) => ByteString.CopyFrom(bytes);

    public static ByteString Row(IReadOnlyList<KeyColumn> key, params PlainBufferCell[] cells) =>
        Bytes(PlainBufferWriter.WriteRow(new PlainBufferRow(key, cells, false)));

    public static ByteString PrimaryKey(IReadOnlyList<KeyColumn> key, bool deleteMarker = false) =>
        Bytes(PlainBufferWriter.WriteRow(new PlainBufferRow(key, [], deleteMarker)));

    public static PlainBufferCell Put(string name, Value value, long? timestamp = null) => new(name, value, CellOperation.Put, timestamp);

    public static Condition Ignore => new() { RowExistence = RowExistenceExpectation.Ignore };

    public static PutRowRequest PutRow(string table, IReadOnlyList<KeyColumn> key, params PlainBufferCell[] cells) =>
        new() { TableName = table, Row = Row(key, cells), Condition = Ignore };

    public static GetRowRequest GetRow(string table, IReadOnlyList<KeyColumn> key, int maxVersions = 1) =>
        new() { TableName = table, PrimaryKey = PrimaryKey(key), MaxVersions = maxVersions };

    public static ByteString SingleFilter(string column, ComparatorType comparator, Value value, bool filterIfMissing = false) =>
        FilterOf(FilterType.FtSingleColumnValue, new SingleColumnValueFilter
        {
            Comparator = comparator, ColumnName = column, ColumnValue = Bytes(PlainBufferWriter.WriteVariant(value)),
            FilterIfMissing = filterIfMissing, LatestVersionOnly = true,
        });

    public static ByteString CompositeFilter(LogicalOperator combinator, params ByteString[] parts)
    {
        var composite = new CompositeColumnValueFilter { Combinator = combinator };
        composite.SubFilters.Add(parts.Select(part => Filter.Parser.ParseFrom(part)));
        return FilterOf(FilterType.FtCompositeColumnValue, composite);
    }

    public static ByteString FilterOf(FilterType type, IMessage inner) =>
        new Filter { Type = type, Filter_ = inner.ToByteString() }.ToByteString();

    /// <summary>
    /// Read results as the node and Java readers need them: each row decodes with both checksums, and no cell carries
    /// TAG_CELL_TYPE (0x06, which crashes node's reader), a missing timestamp, or a delete marker.
    /// </summary>
    public static IReadOnlyList<PlainBufferRow> ReadRows(ByteString bytes)
    {
        var rows = PlainBufferReader.ReadRows(bytes.Span);
        foreach (var row in rows)
        {
            Assert.False(row.DeleteMarker);
            Assert.All(row.Cells, cell =>
            {
                Assert.Equal(CellOperation.Put, cell.Operation);
                Assert.NotNull(cell.Value);
                Assert.NotNull(cell.Timestamp);
            });
        }
        return rows;
    }

    /// <summary>One read row, or null for the empty bytes that say there is none.</summary>
    public static PlainBufferRow? ReadRow(ByteString bytes) => ReadRows(bytes) switch
    {
        [] => null,
        [var row] => row,
        var rows => throw new Xunit.Sdk.XunitException($"expected one row, got {rows.Count}"),
    };

    /// <summary>The cells as (name, value, timestamp), in wire order.</summary>
    public static (string, Value, long)[] Cells(PlainBufferRow row) => [.. row.Cells.Select(c => (c.Name, c.Value!.Value, c.Timestamp!.Value))];
}
