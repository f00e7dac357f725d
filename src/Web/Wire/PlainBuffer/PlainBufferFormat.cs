namespace DeliveryConsole.Web.Wire.PlainBuffer;

/// <summary>The byte values of the PlainBuffer format (tags, value types, cell operation types), shared by reader and writer.</summary>
internal static class PlainBufferFormat
{
    public const uint Header = 0x75;

    public const byte TagRowPrimaryKey = 0x01;
    public const byte TagRowData = 0x02;
    public const byte TagCell = 0x03;
    public const byte TagCellName = 0x04;
    public const byte TagCellValue = 0x05;
    public const byte TagCellType = 0x06;
    public const byte TagCellTimestamp = 0x07;
    public const byte TagDeleteRowMarker = 0x08;
    public const byte TagRowChecksum = 0x09;
    public const byte TagCellChecksum = 0x0A;
    public const byte TagExtension = 0x0B;
    public const byte TagSequenceInfo = 0x0C;
    public const byte TagSequenceInfoEpoch = 0x0D;
    public const byte TagSequenceInfoTimestamp = 0x0E;
    public const byte TagSequenceInfoRowIndex = 0x0F;

    public const byte TypeInteger = 0x00;
    public const byte TypeDouble = 0x01;
    public const byte TypeBoolean = 0x02;
    public const byte TypeString = 0x03;
    public const byte TypeBlob = 0x07;
    public const byte TypeInfMin = 0x09;
    public const byte TypeInfMax = 0x0A;
    public const byte TypeAutoIncrement = 0x0B;

    public const byte OperationDeleteAllVersions = 0x01;
    public const byte OperationDeleteOneVersion = 0x03;
    public const byte OperationIncrement = 0x04;

    /// <summary>The type byte after TAG_CELL_TYPE; a plain put has none.</summary>
    public static byte? OperationByte(CellOperation operation) => operation switch
    {
        CellOperation.Put => null,
        CellOperation.DeleteAllVersions => OperationDeleteAllVersions,
        CellOperation.DeleteOneVersion => OperationDeleteOneVersion,
        CellOperation.Increment => OperationIncrement,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "unknown cell operation"),
    };
}
