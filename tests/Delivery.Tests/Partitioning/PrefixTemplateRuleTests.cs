using DeliveryConsole.Delivery.Partitioning;

namespace DeliveryConsole.Delivery.Tests.Partitioning;

public class PrefixTemplateRuleTests
{
    private const string UseVariables = "(use $yyyy, $MM, $dd, $HH or $mm).";

    [Theory]
    [InlineData("lake", "lake", false, "lake", 4)]
    [InlineData("lake/", "lake", false, "lake", 4)]
    [InlineData("a b/c d/..e/f../.~put-x", "a b/c d/..e/f../.~put-x", false, "a b/c d/..e/f../.~put-x", 23)]
    [InlineData("lake/$yyyy/$MM/$dd", "lake/$yyyy/$MM/$dd", true, "lake", 15)]
    [InlineData("lake/$yyyy/$MM/$dd/", "lake/$yyyy/$MM/$dd", true, "lake", 15)]
    [InlineData("ds=$yyyy$MM$dd", "ds=$yyyy$MM$dd", true, "", 11)]
    [InlineData("$yyyy_$MM_$dd", "$yyyy_$MM_$dd", true, "", 10)]
    [InlineData("delivery/year=$yyyy/month=$MM/day=$dd", "delivery/year=$yyyy/month=$MM/day=$dd", true, "delivery", 34)]
    [InlineData("a/b/hour=$HH/min=$mm/c", "a/b/hour=$HH/min=$mm/c", true, "a/b", 20)]
    [InlineData("데이터/$yyyy", "데이터/$yyyy", true, "데이터", 14)]
    public void Good_prefixes_parse(string prefix, string text, bool hasTimeVariables, string staticPrefix, int expandedBytes)
    {
        var template = Prefixes.Template(prefix);

        Assert.Equal(text, template.Text);
        Assert.Equal(hasTimeVariables, template.HasTimeVariables);
        Assert.Equal(staticPrefix, template.StaticPrefix);
        Assert.Equal(expandedBytes, template.ExpandedByteCount);
    }

    [Theory]
    [InlineData(null, "must not be empty.")]
    [InlineData("", "must not be empty.")]
    [InlineData("/", @"must not start with '/' or '\'.")]
    [InlineData("/lake", @"must not start with '/' or '\'.")]
    [InlineData(@"\lake", @"must not start with '/' or '\'.")]
    [InlineData("lake//x", "must make object keys that every endpoint kind stores, but it has an empty segment (a trailing or double '/').")]
    [InlineData("lake//", "must make object keys that every endpoint kind stores, but it has an empty segment (a trailing or double '/').")]
    [InlineData("a/../b", "must make object keys that every endpoint kind stores, but it has a '.' or '..' segment.")]
    [InlineData("..", "must make object keys that every endpoint kind stores, but it has a '.' or '..' segment.")]
    [InlineData("./a", "must make object keys that every endpoint kind stores, but it has a '.' or '..' segment.")]
    [InlineData("a/.", "must make object keys that every endpoint kind stores, but it has a '.' or '..' segment.")]
    [InlineData(@"a\..\b", "must make object keys that every endpoint kind stores, but it contains a backslash.")]
    [InlineData(@"a/b\c/$yyyy", "must make object keys that every endpoint kind stores, but it contains a backslash.")]
    [InlineData("a/.~put-x.tmp/b", "must make object keys that every endpoint kind stores, but a segment is named like a local upload in progress ('.~put-….tmp').")]
    [InlineData("a/.~put-$yyyy$MM.tmp", "must make object keys that every endpoint kind stores, but a segment is named like a local upload in progress ('.~put-….tmp').")]
    [InlineData("a\tb", "must not contain control characters (found U+0009).")]
    [InlineData("a/b\n", "must not contain control characters (found U+000A).")]
    [InlineData("a\u007Fb", "must not contain control characters (found U+007F).")]
    [InlineData("a\u0085b", "must not contain control characters (found U+0085).")]
    [InlineData("$YYYY", "'$YYYY' is not a time variable " + UseVariables)]
    [InlineData("lake/$yyyyMM", "'$yyyyMM' is not a time variable " + UseVariables)]
    [InlineData("lake/$Mm", "'$Mm' is not a time variable " + UseVariables)]
    [InlineData("lake/$ss", "'$ss' is not a time variable " + UseVariables)]
    [InlineData("lake/$date/x", "'$date' is not a time variable " + UseVariables)]
    [InlineData("lake$", "'$' must start a time variable " + UseVariables)]
    [InlineData("lake$/x", "'$' must start a time variable " + UseVariables)]
    [InlineData("$1", "'$' must start a time variable " + UseVariables)]
    [InlineData("$$yyyy", "'$' must start a time variable " + UseVariables)]
    [InlineData("$_yyyy", "'$' must start a time variable " + UseVariables)]
    [InlineData("$éte", "'$' must start a time variable " + UseVariables)]
    public void Bad_prefixes_name_the_rule(string? prefix, string message)
    {
        Assert.False(PrefixTemplate.TryParse(prefix, out var template, out var error));
        Assert.Null(template);
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("a", (char)0xD800, "b")]
    [InlineData("a", (char)0xDC00, "")]
    [InlineData("", (char)0xDBFF, "/x")]
    public void Unpaired_surrogates_are_rejected(string before, char surrogate, string after)
    {
        Assert.False(PrefixTemplate.TryParse(before + surrogate + after, out _, out var error));
        Assert.Equal("must be valid Unicode text (found an unpaired surrogate).", error);
    }

    [Theory]
    [InlineData(1023, "", true)]
    [InlineData(1024, "", false)]
    [InlineData(1023, "/", true)]
    [InlineData(1019, "$yyyy", true)]
    [InlineData(1020, "$yyyy", false)]
    [InlineData(1022, "$HH/", false)]
    [InlineData(1021, "$mm", true)]
    public void The_length_limit_counts_expanded_variables(int letters, string suffix, bool valid)
    {
        var prefix = Letters(letters) + suffix;

        var parsed = PrefixTemplate.TryParse(prefix, out _, out var error);

        Assert.Equal(valid, parsed);
        if (!valid)
            Assert.Equal("must be at most 1023 bytes (UTF-8) once time variables are expanded, not 1024.", error);
    }

    [Theory]
    [InlineData("é", 127, 768, true)]
    [InlineData("é", 127, 769, false)]
    [InlineData("😀", 63, 770, true)]
    [InlineData("😀", 63, 771, false)]
    public void The_length_limit_counts_utf8_bytes_not_characters(string character, int count, int letters, bool valid) =>
        Assert.Equal(valid, PrefixTemplate.TryParse(Letters(letters) + "/" + string.Concat(Enumerable.Repeat(character, count)), out _, out _));

    [Theory]
    [InlineData(255, true)]
    [InlineData(256, false)]
    public void A_folder_is_at_most_255_bytes_as_a_local_endpoint_stores_it(int letters, bool valid)
    {
        Assert.Equal(valid, PrefixTemplate.TryParse("lake/" + new string('a', letters) + "/$yyyy", out _, out var error));
        if (!valid)
            Assert.Equal("must make object keys that every endpoint kind stores, but a segment is longer than 255 bytes in UTF-8.", error);
    }

    /// <summary><paramref name="bytes"/> ASCII bytes in folders of 200 (a local endpoint stores at most 255 a folder).</summary>
    private static string Letters(int bytes) =>
        string.Concat(Enumerable.Range(0, bytes).Select(i => i % 200 == 199 && i != bytes - 1 ? '/' : 'a'));
}
