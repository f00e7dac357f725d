using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.TableTools;

namespace DeliveryConsole.Web.Tests.Components.TableTools;

public class JsonLinesImportTests
{
    [Fact]
    public void Values_follow_the_json_api_conventions()
    {
        var preview = JsonLinesImport.Parse(TestTables.Orders,
            """{"shop": "s", "id": 7, "price": 3, "paid": false, "n": 5, "d": 2.5, "b": {"binary": "AQI="}, "big": {"integer": "12"}, "gone": null}""");

        var row = Assert.Single(preview.Rows);
        Assert.Empty(preview.Errors);
        Assert.Equal(["shop=s (STRING)", "id=7 (INTEGER)"], row.Write.PrimaryKey.Select(k => $"{k.Name}={TestTables.Show(k.Value)}"));
        Assert.Equal(["price=3 (DOUBLE)", "paid=false (BOOLEAN)", "n=5 (INTEGER)", "d=2.5 (DOUBLE)", "b=AQI= (BINARY)", "big=12 (INTEGER)"],
            row.Write.Puts.Select(p => $"{p.Name}={TestTables.Show(p.Value)}"));
    }

    [Theory]
    [InlineData("""{"shop": "s", "id": "abc"}""", "line 1: key 'id' must be an INTEGER, not the STRING 'abc'", "id")]
    [InlineData("""{"shop": "s", "id": 1, "price": "cheap"}""", "line 1: column 'price' must be a DOUBLE, not the STRING 'cheap'", "price")]
    [InlineData("""{"shop": "s"}""", "line 1: key 'id' is missing", "id")]
    [InlineData("""{"shop": "s", "id": 1, "x": {"binary": 5}}""", "line 1: column 'x': binary must be a base64 string", "x")]
    [InlineData("""{"shop": "s", "id": 1, "x": 99999999999999999999}""", "line 1: column 'x': the integer 99999999999999999999 does not fit in 64 bits; write {\"double\": ...} for a DOUBLE", "x")]
    [InlineData("""{"shop": "s", "id": 1, "x": [1]}""", "line 1: column 'x': expected a value (string, number, true/false or an object such as {\"binary\": \"...\"}), not an array", "x")]
    [InlineData("""{"shop": "s", "id": 1, "shop": "t"}""", "line 1: column 'shop' appears more than once", "shop")]
    [InlineData("""[1, 2]""", "line 1: a line must be one JSON object of column: value, not an array", null)]
    public void A_line_that_breaks_a_rule_is_reported_with_its_column_and_rule(string line, string error, string? column)
    {
        var preview = JsonLinesImport.Parse(TestTables.Orders, line);

        Assert.Empty(preview.Rows);
        var reported = Assert.Single(preview.Errors);
        Assert.Equal(error, reported.ToString());
        Assert.Equal(column, reported.Column);
    }

    [Theory]
    [InlineData("""{"shop": "s", "id": 1""")]
    [InlineData("""{"shop": "s", "id": 1} {"shop": "t"}""")]
    [InlineData("""{shop: 1}""")]
    public void Broken_json_is_reported_as_such(string line)
    {
        var error = Assert.Single(JsonLinesImport.Parse(TestTables.Orders, line).Errors);

        Assert.StartsWith("line 1: not valid JSON: ", error.ToString());
        Assert.DoesNotContain("BytePositionInLine", error.ToString());
    }

    [Fact]
    public void Empty_lines_are_ignored_and_a_broken_line_does_not_stop_the_others()
    {
        var text = """
            {"shop": "a", "id": 1}

            {"shop": "b", "id": oops}
            {"shop": "c", "id": 3}
            """;

        var preview = JsonLinesImport.Parse(TestTables.Orders, text);

        Assert.Equal([1, 4], preview.Rows.Select(r => r.Line));
        Assert.Equal([3], preview.Errors.Select(e => e.Line));
        Assert.Equal((3, 1), (preview.RowCount, preview.InvalidRowCount));
    }

    [Theory]
    [InlineData("""{"source": "web"}""")]
    [InlineData("""{"source": "web", "seq": {"autoIncrement": true}}""")]
    public void An_auto_increment_key_may_be_left_out(string line)
    {
        var row = Assert.Single(JsonLinesImport.Parse(TestTables.Events, line).Rows);

        Assert.Equal(ValueKind.AutoIncrement, row.Write.PrimaryKey[1].Value.Kind);
    }
}
