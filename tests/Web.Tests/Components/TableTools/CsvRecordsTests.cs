using DeliveryConsole.Web.TableTools;

namespace DeliveryConsole.Web.Tests.Components.TableTools;

public class CsvRecordsTests
{
    // Records written as line:field|field|...; a quoted field is shown in [brackets], an error after " ! ".
    [Theory]
    [InlineData("a,b\n1,2", "1:a|b", "2:1|2")]
    [InlineData("a,b\r\n1,2\r\n", "1:a|b", "2:1|2")]
    [InlineData("a\n\n  \n1\n", "1:a", "4:1")]
    [InlineData("a,b\n\"x, y\",2", "1:a|b", "2:[x, y]|2")]
    [InlineData("a,b\n\"two\nlines\",2\n3,4", "1:a|b", "2:[two\nlines]|2", "4:3|4")]
    [InlineData("a\n\"say \"\"hi\"\"\"", "1:a", "2:[say \"hi\"]")]
    [InlineData("a,b\n,\"\"", "1:a|b", "2:|[]")]
    [InlineData("a,b\n1,", "1:a|b", "2:1|")]
    [InlineData("a\n\"x\"y\n2", "1:a", "2:[x] ! field 1 has text after its closing quote; double a quote inside a quoted field (\"\")", "3:2")]
    [InlineData("a\n\"open\n2", "1:a", "2:[open\n2] ! a quoted field is never closed (a \" is missing before the end of the input)", "3:2")]
    public void Records_follow_rfc_4180_and_a_broken_one_does_not_stop_the_rest(string text, params string[] expected)
    {
        var records = CsvRecords.Read(text).Select(Show).ToArray();

        Assert.Equal(expected, records);
    }

    private static string Show(CsvRecord record) =>
        $"{record.Line}:{string.Join("|", record.Fields.Select(f => f.Quoted ? $"[{f.Text}]" : f.Text))}{(record.Error is null ? "" : $" ! {record.Error}")}";
}
