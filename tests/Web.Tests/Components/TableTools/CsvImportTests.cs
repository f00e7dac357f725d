using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.TableTools;

namespace DeliveryConsole.Web.Tests.Components.TableTools;

public class CsvImportTests
{
    [Fact]
    public void Keys_defined_typed_and_inferred_columns_are_read_by_their_rules()
    {
        var preview = CsvImport.Parse(TestTables.Orders, "shop,id,price,paid,note,code:STRING,blob:BINARY\n\"Mall, East\",7,3,true,\"said \"\"hi\"\"\",0042,AQI=\n");

        var row = Assert.Single(preview.Rows);
        Assert.Empty(preview.Errors);
        Assert.Equal(2, row.Line);
        Assert.Equal(["shop=Mall, East (STRING)", "id=7 (INTEGER)"], row.Write.PrimaryKey.Select(k => $"{k.Name}={TestTables.Show(k.Value)}"));
        Assert.Equal(["price=3 (DOUBLE)", "paid=true (BOOLEAN)", "note=said \"hi\" (STRING)", "code=0042 (STRING)", "blob=AQI= (BINARY)"],
            row.Write.Puts.Select(p => $"{p.Name}={TestTables.Show(p.Value)}"));
    }

    [Theory]
    [InlineData("shop,id\ns,abc", "line 2: key 'id' must be an INTEGER, not 'abc'", "id")]
    [InlineData("shop,id,price\ns,1,cheap", "line 2: column 'price' must be a DOUBLE, not 'cheap'", "price")]
    [InlineData("shop,id,paid\ns,1,yes", "line 2: column 'paid' must be a BOOLEAN (true or false), not 'yes'", "paid")]
    [InlineData("shop,id,n:INTEGER\ns,1,1.5", "line 2: column 'n' must be an INTEGER, not '1.5'", "n")]
    [InlineData("shop,id,b:BINARY\ns,1,***", "line 2: column 'b' must be BINARY as base64, not '***'", "b")]
    [InlineData("shop,id\n,1", "line 2: key 'shop' is missing", "shop")]
    [InlineData("shop,id\ns,1,extra", "line 2: the row has 3 field(s); the header has 2", null)]
    [InlineData("shop,id\n\"s,1", "line 2: a quoted field is never closed (a \" is missing before the end of the input)", null)]
    public void A_row_that_breaks_a_rule_is_reported_with_its_line_column_and_rule(string csv, string error, string? column)
    {
        var preview = CsvImport.Parse(TestTables.Orders, csv);

        Assert.Empty(preview.Rows);
        var reported = Assert.Single(preview.Errors);
        Assert.Equal(error, reported.ToString());
        Assert.Equal(column, reported.Column);
        Assert.Equal(1, preview.InvalidRowCount);
    }

    [Fact]
    public void Every_error_of_a_row_is_reported_and_the_other_rows_still_count()
    {
        var preview = CsvImport.Parse(TestTables.Orders, "shop,id,price\na,1,2.5\nb,x,y\n\nc,3,4\n");

        Assert.Equal([2, 5], preview.Rows.Select(r => r.Line));
        Assert.Equal(["line 3: key 'id' must be an INTEGER, not 'x'", "line 3: column 'price' must be a DOUBLE, not 'y'"],
            preview.Errors.Select(e => e.ToString()));
        Assert.Equal((3, 1), (preview.RowCount, preview.InvalidRowCount));
    }

    [Theory]
    [InlineData("shop,price", "line 1: header: there is no column for key 'id' (the key is shop, id)")]
    [InlineData("shop,id,shop", "line 1: header: column 'shop' appears more than once")]
    [InlineData("shop,id,x:FLOAT", "line 1: header: column 'x' has the unknown type 'FLOAT'; use STRING, INTEGER, DOUBLE, BOOLEAN or BINARY")]
    [InlineData("shop,id:STRING", "line 1: header: key 'id' is INTEGER; the header says STRING")]
    [InlineData("shop,id,bad name", "line 1: header: column name 'bad name' is invalid: use 1-255 letters, digits and underscores, starting with a letter or underscore")]
    public void A_bad_header_is_reported_and_no_row_is_taken(string header, string error)
    {
        var preview = CsvImport.Parse(TestTables.Orders, header + "\ns,1\ns,2\n");

        Assert.Empty(preview.Rows);
        Assert.Equal([error], preview.Errors.Select(e => e.ToString()));
        Assert.Equal(2, preview.InvalidRowCount);
    }

    [Theory]
    [InlineData("source,name\nweb,Ada")]
    [InlineData("source,seq,name\nweb,,Ada")]
    public void An_auto_increment_key_may_be_left_out_or_empty(string csv)
    {
        var row = Assert.Single(CsvImport.Parse(TestTables.Events, csv).Rows);

        Assert.Equal(ValueKind.AutoIncrement, row.Write.PrimaryKey[1].Value.Kind);
    }

    [Fact]
    public void An_empty_field_leaves_the_cell_out_and_a_quoted_empty_one_is_an_empty_string()
    {
        var row = Assert.Single(CsvImport.Parse(TestTables.Events, "source,a,b\nweb,,\"\"").Rows);

        Assert.Equal(["b="], row.Write.Puts.Select(p => $"{p.Name}={p.Value}"));
    }

    [Fact]
    public void The_store_rules_are_checked_before_anything_is_written()
    {
        var preview = CsvImport.Parse(TestTables.Orders, $"shop,id\n{new string('k', 1025)},1");

        Assert.Equal(["line 2: Primary key column 'shop' is 1025 bytes; at most 1024 are allowed."], preview.Errors.Select(e => e.ToString()));
    }
}
