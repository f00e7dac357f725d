using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.Api;

// Request and response bodies of the table operations. Names follow the real SDK's fields in camelCase.

public sealed record EmptyBody;

public sealed record TableNameBody(string TableName);

public sealed record CreateTableBody(
    string TableName,
    IReadOnlyList<PrimaryKeySchemaJson> PrimaryKey,
    IReadOnlyList<DefinedColumnJson>? DefinedColumns = null,
    TableOptionsJson? TableOptions = null,
    StreamSpecificationJson? StreamSpecification = null);

public sealed record PrimaryKeySchemaJson(string Name, PrimaryKeyType Type, bool AutoIncrement = false);

public sealed record DefinedColumnJson(string Name, ColumnType Type);

/// <param name="TimeToLive">Seconds; -1 keeps data forever.</param>
public sealed record TableOptionsJson(int? TimeToLive = null, int? MaxVersions = null, long? MaxTimeDeviation = null)
{
    public TableOptions ApplyTo(TableOptions options) => new(
        TimeToLive ?? options.TimeToLive, MaxVersions ?? options.MaxVersions, MaxTimeDeviation ?? options.MaxTimeDeviation);
}

/// <param name="ExpirationTime">Hours.</param>
public sealed record StreamSpecificationJson(bool EnableStream, int? ExpirationTime = null)
{
    public StreamSpecification ToModel() => new(EnableStream, ExpirationTime ?? new StreamSpecification().ExpirationTime);
}

public sealed record UpdateTableBody(string TableName, TableOptionsJson? TableOptions = null, StreamSpecificationJson? StreamSpecification = null);

public sealed record ListTableResult(IReadOnlyList<string> TableNames);

public sealed record TableMetaJson(string TableName, IReadOnlyList<PrimaryKeySchemaJson> PrimaryKey, IReadOnlyList<DefinedColumnJson> DefinedColumns);

/// <param name="RowCount">Rows in the table now (the emulator counts them exactly).</param>
/// <param name="CreationTime">Milliseconds since the epoch.</param>
public sealed record DescribeTableResult(
    TableMetaJson TableMeta, TableOptions TableOptions, StreamSpecification StreamDetails, long RowCount, long CreationTime)
{
    public static DescribeTableResult From(TableDescription description)
    {
        var table = description.Table;
        return new(
            new TableMetaJson(table.Name,
                [.. table.PrimaryKey.Select(k => new PrimaryKeySchemaJson(k.Name, k.Type, k.AutoIncrement))],
                [.. table.DefinedColumns.Select(c => new DefinedColumnJson(c.Name, c.Type))]),
            table.Options, table.Stream, description.RowCount, table.CreationTime);
    }
}
