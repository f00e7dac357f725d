using Bunit;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Components.Pages.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace DeliveryConsole.Web.Tests.Components;

public class TablesPageTests : ComponentTest
{
    private readonly TempFolder _data;
    private readonly TableService _store;

    public TablesPageTests() : this(new TempFolder())
    {
    }

    private TablesPageTests(TempFolder data) : this(data, new TableService(new TableStoreOptions { Folder = data.Combine("tables") }))
    {
    }

    private TablesPageTests(TempFolder data, TableService store) : base(services: services => services.AddSingleton(store)) =>
        (_data, _store) = (data, store);

    [Fact]
    public void Without_tables_the_page_says_how_to_create_one()
    {
        var page = Render<TablesPage>();

        Assert.Contains("POST /api/CreateTable", page.Find("[data-testid=no-tables]").TextContent);
    }

    [Fact]
    public void Each_table_is_listed_with_its_key_and_row_count()
    {
        _store.CreateTable("orders", [new("shop", PrimaryKeyType.String), new("id", PrimaryKeyType.Integer, AutoIncrement: true)],
            options: new TableOptions(TimeToLive: 86_400, MaxVersions: 3));
        _store.WriteRow("orders", new RowWrite(WriteType.Put, [new("shop", Value.String("s")), new("id", Value.AutoIncrement)]));

        var page = Render<TablesPage>();

        var cells = page.FindAll("[data-testid=tables] tbody td").Select(td => td.TextContent).ToList();
        Assert.Equal(["orders", "shop STRING, id INTEGER AUTO_INCREMENT", "1", "3", "86,400 s"], cells);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _store.Dispose();
        _data.Dispose();
    }
}
