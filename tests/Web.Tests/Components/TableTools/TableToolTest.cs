using Bunit;
using DeliveryConsole.TableStore.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DeliveryConsole.Web.Tests.Components.TableTools;

/// <summary>Renders a table-tool panel for a real table, with the popover provider its selects need.</summary>
public abstract class TableToolTest : ConsoleComponentTest
{
    /// <summary>How many times the panel raised RowsChanged.</summary>
    protected int RowsChangedCount { get; private set; }

    /// <summary>The markup around the panel: popovers (select lists) open here, outside the panel.</summary>
    protected IRenderedComponent<IComponent> Host { get; private set; } = default!;

    protected IRenderedComponent<TPanel> RenderPanel<TPanel>(string table) where TPanel : IComponent
    {
        var description = Tables.DescribeTable(table);
        var host = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<TPanel>(1);
            builder.AddAttribute(2, "Table", description);
            builder.AddAttribute(3, "RowsChanged", EventCallback.Factory.Create(this, () => RowsChangedCount++));
            builder.CloseComponent();
        });
        Host = host;
        return host.FindComponent<TPanel>();
    }

    /// <summary>Every row of <paramref name="table"/> as "key values | column=value (TYPE), ...", in key order.</summary>
    protected List<string> ReadRows(string table)
    {
        var meta = Tables.Table(table);
        var rows = new List<string>();
        IReadOnlyList<KeyColumn>? start = [.. meta.PrimaryKey.Select(k => new KeyColumn(k.Name, Value.InfMin))];
        while (start is not null)
        {
            var page = LiveRows.GetRange(new GetRangeRequest(table, TableStore.Model.Direction.Forward, start,
                [.. meta.PrimaryKey.Select(k => new KeyColumn(k.Name, Value.InfMax))]));
            rows.AddRange(page.Rows.Select(r => string.Join(",", r.PrimaryKey.Select(k => k.Value)) + " | "
                + string.Join(", ", r.Columns.Select(c => $"{c.Name}={TestTables.Show(c.Value)}"))));
            start = page.NextStartPrimaryKey;
        }
        return rows;
    }

    protected long RowCount(string table) => Tables.DescribeTable(table).RowCount;
}
