using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.Tests.Components.TableTools;

/// <summary>Table definitions the table-tool tests parse and generate for.</summary>
internal static class TestTables
{
    /// <summary>orders: key (shop STRING, id INTEGER), defined price DOUBLE and paid BOOLEAN.</summary>
    public static TableMeta Orders { get; } = Meta("orders", [new("shop", PrimaryKeyType.String), new("id", PrimaryKeyType.Integer)],
        [new("price", ColumnType.Double), new("paid", ColumnType.Boolean)]);

    /// <summary>events: key (source STRING, seq INTEGER AUTO_INCREMENT), no defined columns.</summary>
    public static TableMeta Events { get; } = Meta("events", [new("source", PrimaryKeyType.String), new("seq", PrimaryKeyType.Integer, AutoIncrement: true)], []);

    public static TableMeta Meta(string name, IReadOnlyList<PrimaryKeyColumn> key, IReadOnlyList<DefinedColumn> defined) =>
        new(name, key, defined, new TableOptions(), new StreamSpecification(), Id: 1, CreationTime: 0);

    /// <summary>A cell or key value written as the preview shows it: "text (TYPE)".</summary>
    public static string Show(Value value) => $"{value} ({value.TypeName})";
}
