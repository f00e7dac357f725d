using System.Text;
using System.Text.Json;

namespace DeliveryConsole.Web.Tests.Fuzz;

/// <summary>
/// Deterministic mutations of a valid JSON body: every draw comes from the <see cref="Random"/> it is given, so a
/// seed reproduces the exact sequence. Tree mutations (wrong types, missing/unknown/duplicate fields, huge strings,
/// deep nesting, out-of-range numbers, odd names, bad value objects), then sometimes byte mutations (invalid UTF-8,
/// truncation, empty body, a non-object top level).
/// </summary>
public sealed class JsonFuzzer(Random random)
{
    private abstract class J;
    private sealed class JObj(List<KeyValuePair<string, J>> props) : J { public List<KeyValuePair<string, J>> Props { get; } = props; }
    private sealed class JArr(List<J> items) : J { public List<J> Items { get; } = items; }
    private sealed class JRaw(string text) : J { public string Text { get; } = text; }

    private static readonly string[] WrongTypes = ["null", "true", "false", "0", "-1", "1.5", "\"\"", "\"x\"", "[]", "{}", "[1,\"a\"]", "{\"x\":1}", "[null]"];
    private static readonly string[] Numbers = ["1e400", "-1e400", "-9223372036854775809", "9223372036854775808", "18446744073709551616",
        "9223372036854775807", "2147483648", "-2147483649", "1.5", "2.0", "1e2", "-0", "0.0000001", "1E+308", "4.9e-324", "-1", "0", "1000000000000000000000000000000"];
    private static readonly string[] ValueObjects = ["{\"inf\":\"mid\"}", "{\"inf\":1}", "{\"inf\":null}", "{\"inf\":\"min\",\"x\":1}", "{\"autoIncrement\":false}",
        "{\"autoIncrement\":\"true\"}", "{\"autoIncrement\":1}", "{}", "{\"double\":\"abc\"}", "{\"double\":1e400}", "{\"double\":\"Infinity\"}",
        "{\"integer\":\"1.5\"}", "{\"integer\":\"99999999999999999999\"}", "{\"integer\":1e3}", "{\"wat\":1}", "{\"value\":1}", "{\"timestamp\":1}",
        "{\"value\":1,\"timestamp\":1.5}", "{\"value\":null}", "{\"inf\":\"min\"}", "{\"inf\":\"max\"}", "{\"autoIncrement\":true}", "{\"binary\":\"AA==\",\"binary\":\"AA==\"}"];
    private static readonly string[] BadBase64 = ["!!!", "A", "AB", "ABC", "A===", "====", "YQ", "Y Q==", "\\u0000", "AAE=AAE=", "%%%", "", "_-8=", "\\ud800"];
    private static readonly string[] Enums = ["forward", "Forward", "FORWARD ", "SIDEWAYS", "PUT", "put", "UPDATE", "DELETE", "IGNORE", "EXPECT_EXIST",
        "EXPECT_NOT_EXIST", "STRING", "INTEGER", "BINARY", "DOUBLE", "BOOLEAN", "0", "", "Ignore", "expect_exist", "BACKWARD"];
    private static readonly string[] NameChars = ["a", "Z", "0", "_", "-", ".", "/", "\\", "\"", " ", "\0", "\u0001", "\u001f", "\u007f", "é", "中",
        "\u200b", "\u202e", "\ufeff", "\uffff", "😀", "\ud800", "\udc00", "t", "k", "n", "%", "*", "..", "\n"];
    private static readonly byte[][] BadUtf8 = [[0xFF], [0xFE], [0xC0, 0x80], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xEF, 0xBB, 0xBF], [0x00]];

    /// <summary>A mutated body for <paramref name="template"/> (a valid JSON object).</summary>
    public byte[] Next(string template)
    {
        var root = Parse(JsonDocument.Parse(template).RootElement);
        for (int i = 0, steps = random.Next(1, 4); i < steps; i++)
            root = Mutate(root);
        var bytes = Encoding.UTF8.GetBytes(Write(root));
        return random.Next(4) == 0 ? MutateBytes(bytes) : bytes;
    }

    private J Mutate(J root)
    {
        var slots = new List<(J? Parent, int Index)> { (null, 0) };
        Collect(root, slots);
        var (parent, index) = slots[random.Next(slots.Count)];
        var current = parent switch { JObj o => o.Props[index].Value, JArr a => a.Items[index], _ => root };
        var objects = slots.Select(s => s.Parent).OfType<JObj>().Distinct().ToList();
        if (root is JObj r && !objects.Contains(r)) objects.Add(r);
        var kind = random.Next(13);
        var target = objects.Count > 0 ? objects[random.Next(objects.Count)] : new JObj([]);
        switch (kind)
        {
            case 0 when target.Props.Count > 0: target.Props.RemoveAt(random.Next(target.Props.Count)); return root;
            case 1: target.Props.Insert(random.Next(target.Props.Count + 1), new(Name(), new JRaw(Pick(WrongTypes)))); return root;
            case 2 when target.Props.Count > 0:
                var copy = target.Props[random.Next(target.Props.Count)];
                target.Props.Add(new(copy.Key, Replacement(random.Next(3, 13), copy.Value))); return root;
        }
        var replacement = Replacement(kind, current);
        switch (parent)
        {
            case JObj o: o.Props[index] = new(o.Props[index].Key, replacement); return root;
            case JArr a: a.Items[index] = replacement; return root;
            default: return replacement;
        }
    }

    private J Replacement(int kind, J current) => kind switch
    {
        3 => new JRaw(Pick(WrongTypes)),
        4 => new JRaw(Quote(Huge())),
        5 => Nest(random.Next(10, 201), current),
        6 => new JRaw(Pick(Numbers)),
        7 => new JRaw(Quote(Name())),
        8 => new JRaw($"{{\"binary\":\"{Pick(BadBase64)}\"}}"),
        9 => new JRaw(Pick(ValueObjects)),
        10 => new JRaw(Quote(Pick(Enums))),
        11 => new JRaw("\"\\ud800\""),
        _ => new JRaw("null"),
    };

    private byte[] MutateBytes(byte[] bytes)
    {
        var at = random.Next(bytes.Length + 1);
        return random.Next(6) switch
        {
            0 => [],
            1 => bytes[..random.Next(bytes.Length)],
            2 or 3 => [.. bytes[..at], .. BadUtf8[random.Next(BadUtf8.Length)], .. bytes[at..]],
            4 => Encoding.UTF8.GetBytes(Pick(["null", "[]", "123", "\"s\"", "true", "{", "}", "{}{}", "{\"a\":1}x", " ", "\ufeff{}"])),
            _ => bytes.Length == 0 ? bytes : [.. bytes[..Math.Min(at, bytes.Length - 1)], (byte)random.Next(256), .. bytes[Math.Min(at + 1, bytes.Length)..]],
        };
    }

    private J Nest(int depth, J inner)
    {
        var array = random.Next(2) == 0;
        for (var i = 0; i < depth; i++)
            inner = array ? new JArr([inner]) : new JObj([new("a", inner)]);
        return inner;
    }

    private string Huge()
    {
        var length = (int)Math.Pow(10, random.NextDouble() * 5); // 1 .. 100,000 chars, log-uniform
        var fill = Pick(["x", "é", "中", "😀", "\0"]);
        var builder = new StringBuilder(length * 2);
        while (builder.Length < length) builder.Append(fill);
        return builder.ToString();
    }

    private string Name() => string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ => Pick(NameChars)));

    private string Pick(string[] values) => values[random.Next(values.Length)];

    private static void Collect(J node, List<(J?, int)> slots)
    {
        var children = node switch { JObj o => o.Props.Select(p => p.Value).ToList(), JArr a => a.Items, _ => [] };
        for (var i = 0; i < children.Count; i++)
        {
            slots.Add((node, i));
            Collect(children[i], slots);
        }
    }

    private static J Parse(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => new JObj([.. e.EnumerateObject().Select(p => new KeyValuePair<string, J>(p.Name, Parse(p.Value)))]),
        JsonValueKind.Array => new JArr([.. e.EnumerateArray().Select(Parse)]),
        _ => new JRaw(e.GetRawText()),
    };

    private static string Write(J node) => node switch
    {
        JObj o => "{" + string.Join(",", o.Props.Select(p => Quote(p.Key) + ":" + Write(p.Value))) + "}",
        JArr a => "[" + string.Join(",", a.Items.Select(Write)) + "]",
        _ => ((JRaw)node).Text,
    };

    /// <summary>A JSON string literal; control characters, quotes and every surrogate (so lone ones too) as \u escapes.</summary>
    private static string Quote(string s)
    {
        var builder = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
            builder.Append(c < 0x20 || c == '"' || c == '\\' || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c);
        return builder.Append('"').ToString();
    }
}
