using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.TableTools;

namespace DeliveryConsole.Web.Tests.Components.TableTools;

public sealed class ImportWriterTests : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly TableStoreSet _store;

    public ImportWriterTests()
    {
        _store = new TableStoreSet(new TableStoreOptions { Folder = _data.Combine("tables") });
        _store.Tables.CreateTable("t", [new("id", PrimaryKeyType.Integer)]);
    }

    [Fact]
    public void Rows_past_one_request_are_written_in_batches()
    {
        var rows = Enumerable.Range(1, 450).Select(i => Row(i, i, "v")).ToList();

        var outcome = ImportWriter.Write(_store.Writer, "t", rows, TestContext.Current.CancellationToken);

        Assert.Equal((450L, 0, (string?)null), (outcome.Written, outcome.Refused.Count, outcome.StoppedBecause));
        Assert.Equal(450, _store.Tables.DescribeTable("t").RowCount);
    }

    [Fact]
    public void A_key_that_comes_again_is_written_again_and_the_later_row_wins()
    {
        var outcome = ImportWriter.Write(_store.Writer, "t", [Row(2, 1, "first"), Row(3, 2, "other"), Row(4, 1, "second")], TestContext.Current.CancellationToken);

        Assert.Equal(3, outcome.Written);
        Assert.Equal("second", _store.LiveRows.GetRow("t", [new("id", Value.Integer(1))])!.Columns.Single().Value.AsString);
    }

    [Fact]
    public void A_deleted_table_stops_the_import_with_the_reason()
    {
        _store.Tables.DeleteTable("t");

        var outcome = ImportWriter.Write(_store.Writer, "t", [Row(2, 1, "x")], TestContext.Current.CancellationToken);

        Assert.Equal((0L, 0, "Requested table 't' does not exist."), (outcome.Written, outcome.Refused.Count, outcome.StoppedBecause));
    }

    private static ImportedRow Row(int line, long id, string value) =>
        new(line, new RowWrite(WriteType.Put, [new("id", Value.Integer(id))], [new ColumnPut("v", Value.String(value))]));

    public void Dispose()
    {
        _store.Dispose();
        _data.Dispose();
    }
}
