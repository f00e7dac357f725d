using DeliveryConsole.TableStore.Model;
using DeliveryConsole.Web.TableTools;

namespace DeliveryConsole.Web.Tests.Components.TableTools;

public class CellTextTests
{
    [Theory]
    [InlineData("42", "42 (INTEGER)")]
    [InlineData("-7", "-7 (INTEGER)")]
    [InlineData("9.5", "9.5 (DOUBLE)")]
    [InlineData("1e3", "1000 (DOUBLE)")]
    [InlineData("true", "true (BOOLEAN)")]
    [InlineData("FALSE", "false (BOOLEAN)")]
    [InlineData("NaN", "NaN (STRING)")]
    [InlineData("9223372036854775808", "9.223372036854776E+18 (DOUBLE)")]
    [InlineData("Ada Lovelace", "Ada Lovelace (STRING)")]
    [InlineData("007", "7 (INTEGER)")]
    public void Untyped_text_is_inferred_integer_then_double_then_boolean_else_string(string text, string expected) =>
        Assert.Equal(expected, TestTables.Show(CellText.Infer(text)));

    [Theory]
    [InlineData(ColumnType.Integer, " 12 ", "12 (INTEGER)")]
    [InlineData(ColumnType.Integer, "1.5", null)]
    [InlineData(ColumnType.Double, "3", "3 (DOUBLE)")]
    [InlineData(ColumnType.Double, "Infinity", null)]
    [InlineData(ColumnType.Boolean, "True", "true (BOOLEAN)")]
    [InlineData(ColumnType.Boolean, "yes", null)]
    [InlineData(ColumnType.Binary, "AQID", "AQID (BINARY)")]
    [InlineData(ColumnType.Binary, "%%%", null)]
    [InlineData(ColumnType.String, " 42 ", " 42  (STRING)")]
    public void Typed_text_is_read_as_its_type_or_refused(ColumnType type, string text, string? expected)
    {
        var ok = CellText.TryParse(type, text, out var value);

        Assert.Equal(expected, ok ? TestTables.Show(value) : null);
    }

    [Theory]
    [InlineData("DOUBLE", ColumnType.Double)]
    [InlineData("integer", ColumnType.Integer)]
    [InlineData(" Binary ", ColumnType.Binary)]
    [InlineData("FLOAT", null)]
    [InlineData("4", null)]
    public void Header_type_names_are_the_five_column_types(string name, ColumnType? expected) =>
        Assert.Equal(expected, CellText.TryParseTypeName(name, out var type) ? type : null);
}
