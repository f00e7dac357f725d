using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.Wire.PlainBuffer;

/// <summary>What a PlainBuffer cell asks for: a plain put carries no operation type byte on the wire.</summary>
public enum CellOperation
{
    Put,
    DeleteAllVersions,
    DeleteOneVersion,
    Increment,
}

/// <summary>
/// One attribute cell as encoded: a put or increment has a value; a version delete has a timestamp (ms) and no value;
/// a delete of all versions has neither. Read results and stream puts carry value and timestamp.
/// </summary>
public sealed record PlainBufferCell(string Name, Value? Value, CellOperation Operation, long? Timestamp);

/// <summary>
/// One PlainBuffer row: the primary key (may hold INF_MIN / INF_MAX / AUTO_INCREMENT in requests), the attribute
/// cells in wire order, and whether the row carries the delete marker (DeleteRow, BatchWriteRow deletes, stream deletes).
/// </summary>
public sealed record PlainBufferRow(IReadOnlyList<KeyColumn> PrimaryKey, IReadOnlyList<PlainBufferCell> Cells, bool DeleteMarker);
