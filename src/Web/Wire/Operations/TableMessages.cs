using DeliveryConsole.TableStore.Model;
using Proto = DeliveryConsole.Web.Wire.Protocol;

namespace DeliveryConsole.Web.Wire.Operations;

/// <summary>The table operations' protobuf messages to and from the table store's model.</summary>
public static class TableMessages
{
    public static PrimaryKeyColumn ToModel(Proto.PrimaryKeySchema key, int index)
    {
        if (key.Type is not (Proto.PrimaryKeyType.Integer or Proto.PrimaryKeyType.String or Proto.PrimaryKeyType.Binary))
            throw TableStoreException.Invalid($"table_meta.primary_key[{index}].type {(int)key.Type} is not INTEGER (1), STRING (2) or BINARY (3).");
        if (key.HasOption && key.Option != Proto.PrimaryKeyOption.AutoIncrement)
            throw TableStoreException.Invalid($"table_meta.primary_key[{index}].option {(int)key.Option} is not AUTO_INCREMENT (1).");
        return new(key.Name, (PrimaryKeyType)(int)key.Type, key.HasOption);
    }

    public static DefinedColumn ToModel(Proto.DefinedColumnSchema column, int index) => new(column.Name, column.Type switch
    {
        Proto.DefinedColumnType.DctInteger => ColumnType.Integer,
        Proto.DefinedColumnType.DctDouble => ColumnType.Double,
        Proto.DefinedColumnType.DctBoolean => ColumnType.Boolean,
        Proto.DefinedColumnType.DctString => ColumnType.String,
        Proto.DefinedColumnType.DctBlob => ColumnType.Binary,
        _ => throw TableStoreException.Invalid(
            $"table_meta.defined_column[{index}].type {(int)column.Type} is not DCT_INTEGER (1), DCT_DOUBLE (2), DCT_BOOLEAN (3), DCT_STRING (4) or DCT_BLOB (7)."),
    });

    /// <summary>The options sent over <paramref name="current"/>; bloom filter, block size and the update flags are storage hints, ignored.</summary>
    public static TableOptions Apply(Proto.TableOptions options, TableOptions current) => new(
        options.HasTimeToLive ? options.TimeToLive : current.TimeToLive,
        options.HasMaxVersions ? options.MaxVersions : current.MaxVersions,
        options.HasDeviationCellVersionInSec ? options.DeviationCellVersionInSec : current.MaxTimeDeviation);

    public static StreamSpecification ToModel(Proto.StreamSpecification stream) =>
        stream.ColumnsToGet.Count > 0
            ? throw TableStoreException.Invalid("stream_spec.columns_to_get is not supported: the console's stream records carry every column.")
            : new(stream.EnableStream, stream.HasExpirationTime ? stream.ExpirationTime : new StreamSpecification().ExpirationTime);

    public static Proto.TableMeta ToMessage(TableMeta table)
    {
        var meta = new Proto.TableMeta { TableName = table.Name };
        foreach (var key in table.PrimaryKey)
        {
            var schema = new Proto.PrimaryKeySchema { Name = key.Name, Type = (Proto.PrimaryKeyType)(int)key.Type };
            if (key.AutoIncrement)
                schema.Option = Proto.PrimaryKeyOption.AutoIncrement;
            meta.PrimaryKey.Add(schema);
        }
        foreach (var column in table.DefinedColumns)
            meta.DefinedColumn.Add(new Proto.DefinedColumnSchema { Name = column.Name, Type = ToMessage(column.Type) });
        return meta;
    }

    public static Proto.TableOptions ToMessage(TableOptions options) => new()
    {
        TimeToLive = options.TimeToLive,
        MaxVersions = options.MaxVersions,
        DeviationCellVersionInSec = options.MaxTimeDeviation,
    };

    /// <summary>The reserved throughput the real service reports for an on-demand table: 0 and 0, raised when it was created.</summary>
    public static Proto.ReservedThroughputDetails ReservedThroughput(TableMeta table) => new()
    {
        CapacityUnit = new Proto.CapacityUnit { Read = 0, Write = 0 },
        LastIncreaseTime = table.CreationTime / 1000,
    };

    /// <summary>The stream's details when it is enabled, else null (the field is then left out).</summary>
    public static Proto.StreamDetails? StreamDetails(TableMeta table) => table.Stream.EnableStream
        ? new Proto.StreamDetails
        {
            EnableStream = true,
            StreamId = StreamId(table),
            ExpirationTime = table.Stream.ExpirationTime,
            LastEnableTime = CreationTimeMicros(table),
        }
        : null;

    /// <summary>
    /// A table's creation time in microseconds, as the service gives DescribeTable's creation time and its streams'
    /// (the store keeps milliseconds). A stream is enabled when its table is created, so it is also the stream's.
    /// </summary>
    public static long CreationTimeMicros(TableMeta table) => table.CreationTime * 1000;

    /// <summary>
    /// A table's stream id: its name and its never-reused internal id, so a table created again under the same name
    /// has a new stream. The console keeps one stream per table, enabled or not.
    /// </summary>
    public static string StreamId(TableMeta table) => $"{table.Name}_{table.Id}";

    private static Proto.DefinedColumnType ToMessage(ColumnType type) => type switch
    {
        ColumnType.Integer => Proto.DefinedColumnType.DctInteger,
        ColumnType.Double => Proto.DefinedColumnType.DctDouble,
        ColumnType.Boolean => Proto.DefinedColumnType.DctBoolean,
        ColumnType.String => Proto.DefinedColumnType.DctString,
        ColumnType.Binary => Proto.DefinedColumnType.DctBlob,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
