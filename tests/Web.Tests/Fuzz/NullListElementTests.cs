using System.Net;
using DeliveryConsole.Testing;
using DeliveryConsole.Web.Tests.Api;

namespace DeliveryConsole.Web.Tests.Fuzz;

/// <summary>Found by the fuzz test: a null inside a list of a request body was a 500 (NullReferenceException).</summary>
public class NullListElementTests
{
    [Theory]
    [InlineData("CreateTable", """{"tableName": "u", "primaryKey": [{"name": "k", "type": "STRING"}, null]}""", "$.primaryKey[1]")]
    [InlineData("CreateTable", """{"tableName": "u", "primaryKey": [{"name": "k", "type": "STRING"}], "definedColumns": [null]}""", "$.definedColumns[0]")]
    [InlineData("UpdateRow", """{"tableName": "t", "primaryKey": {"k": "a"}, "delete": [null]}""", "$.delete[0]")]
    [InlineData("UpdateRow", """{"tableName": "t", "primaryKey": {"k": "a"}, "deleteAll": ["c", null]}""", "$.deleteAll[1]")]
    [InlineData("GetRow", """{"tableName": "t", "primaryKey": {"k": "a"}, "columnsToGet": [null]}""", "$.columnsToGet[0]")]
    [InlineData("BatchWriteRow", """{"tables": [null]}""", "$.tables[0]")]
    [InlineData("BatchWriteRow", """{"tables": [{"tableName": "t", "rows": [null]}]}""", "$.tables[0].rows[0]")]
    public async Task A_null_list_element_is_a_400_that_names_where(string operation, string body, string at)
    {
        await using var console = new ConsoleFactory();
        var api = new ApiClient(console.CreateClient());
        await api.OkAsync("CreateTable", """{"tableName": "t", "primaryKey": [{"name": "k", "type": "STRING"}]}""");

        var response = await api.CallAsync(operation, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("OTSParameterInvalid", response.Code);
        Assert.Contains($"a list holds null (at {at})", response.Message);
        Assert.Equal(["t"], (await api.OkAsync("ListTable", "{}"))["tableNames"]!.AsArray().Select(n => (string?)n));
    }
}
