using System.Text;
using DeliveryConsole.Delivery.Schema;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Tests.Schema;

public class DirtyValueTextTests
{
    public static TheoryData<string, string, int, bool> Strings() => new()
    {
        { "short", "abc", 3, false },
        { "exactly 1 KiB of ASCII", new string('a', 1024), 1024, false },
        { "1 KiB + 1 of ASCII", new string('a', 1025), 1024, true },
        { "2-byte characters", string.Concat(Enumerable.Repeat("é", 600)), 1024, true },
        { "3-byte characters are never split", string.Concat(Enumerable.Repeat("中", 400)), 1023, true },
        { "surrogate pairs are never split", string.Concat(Enumerable.Repeat("😀", 300)), 1024, true },
        { "one ASCII then 4-byte characters", "a" + string.Concat(Enumerable.Repeat("😀", 300)), 1021, true },
        { "341 3-byte characters fit", string.Concat(Enumerable.Repeat("中", 341)), 1023, false },
    };

    [Theory]
    [MemberData(nameof(Strings))]
    public void Strings_are_cut_to_1_KiB_of_UTF8_on_a_character_boundary(string _, string text, int expectedBytes, bool truncated)
    {
        var kept = DirtyValueText.Of(Value.String(text), out var wasTruncated);

        Assert.Equal(expectedBytes, Encoding.UTF8.GetByteCount(kept));
        Assert.Equal(truncated, wasTruncated);
        Assert.StartsWith(kept, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, "AQID", false)]
    [InlineData(768, null, false)]
    [InlineData(769, null, true)]
    [InlineData(2_000_000, null, true)]
    public void Binaries_are_base64_of_at_most_the_first_768_bytes(int length, string? expected, bool truncated)
    {
        var bytes = Enumerable.Range(1, length).Select(i => (byte)i).ToArray();

        var kept = DirtyValueText.Of(Value.Binary(bytes), out var wasTruncated);

        Assert.Equal(expected ?? Convert.ToBase64String(bytes, 0, Math.Min(length, 768)), kept);
        Assert.True(kept.Length <= DirtyValueText.MaxBytes);
        Assert.Equal(truncated, wasTruncated);
    }

    [Fact]
    public void A_dirty_cell_built_from_a_long_string_keeps_the_cut_text_and_says_so()
    {
        var dirty = DirtyCell.Of(new SchemaColumn("c", "out", ParquetType.Int64), Value.String(new string('x', 5000)));

        Assert.Equal(new DirtyCell("c", "out", ParquetType.Int64, "STRING", new string('x', 1024), true), dirty);
    }
}
