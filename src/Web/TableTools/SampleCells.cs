using System.Globalization;
using System.Text.RegularExpressions;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.TableTools;

/// <summary>
/// The values of sample cells, by what a column's name and type say it holds. A time-like column (created,
/// updated, time, date, ts, *_at, *_time, createdAt, ...) gets a time from the last <see cref="TimeSpread"/>, so
/// delivery by event time fills several <c>$yyyy/$MM/$dd/$HH</c> folders: RFC 3339 text in a STRING column, Unix
/// seconds in an INTEGER one (milliseconds when the name says ms or millis). Repeated key values and words come
/// from small sets chosen by name (shop and city: berlin, paris, ...; user and name: ada, grace, ...). A share of
/// cells is dirty: a value of the wrong type (a STRING in an INTEGER column, an INTEGER in a STRING one). Every
/// choice is a hash of the seed, the row number and the column, so the same inputs make the same cells.
/// </summary>
public sealed partial class SampleCells(int seed, int dirtyPercent)
{
    public static readonly TimeSpan TimeSpread = TimeSpan.FromHours(48);

    private static readonly string[] Cities = ["berlin", "paris", "tokyo", "lima", "oslo", "nairobi"];
    private static readonly string[] People = ["ada", "grace", "alan", "edsger", "barbara", "donald"];
    private static readonly string[] Statuses = ["new", "paid", "shipped", "returned"];
    private static readonly string[] Devices = ["sensor-a", "sensor-b", "sensor-c", "sensor-d"];
    private static readonly string[] Words = ["amber", "birch", "cobalt", "delta", "ember", "fjord", "garnet", "harbor"];

    private const int RepeatedValues = 6;

    private enum Salt { Key = 1, Time, Value, Dirty }

    /// <summary>The few values a repeated (leading) key column takes.</summary>
    public static IReadOnlyList<Value> RepeatedKeyValues(PrimaryKeyColumn key) => key.Type switch
    {
        PrimaryKeyType.Integer => [.. Enumerable.Range(1, RepeatedValues).Select(i => Value.Integer(i))],
        PrimaryKeyType.String => [.. WordsFor(key.Name).Take(RepeatedValues).Select(Value.String)],
        _ => [.. Enumerable.Range(1, RepeatedValues).Select(i => Value.Binary([(byte)i]))],
    };

    public Value RepeatedKeyValue(PrimaryKeyColumn key, int index, long number)
    {
        var values = RepeatedKeyValues(key);
        return values[(int)(Pick(number, index, Salt.Key) % (ulong)values.Count)];
    }

    /// <summary>
    /// The row's time: whole seconds within <see cref="TimeSpread"/> before <paramref name="now"/>, and at least an
    /// hour before it, so the later time columns of the row (a minute apart each) are not in the future either.
    /// </summary>
    public DateTimeOffset RowTime(long number, DateTimeOffset now) =>
        DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() - 3_600
            - (long)(Pick(number, 0, Salt.Time) % (ulong)(TimeSpread.TotalSeconds - 3_600)));

    /// <summary>The cell of attribute column <paramref name="column"/> (the <paramref name="index"/>th) in row <paramref name="number"/>.</summary>
    public Value Cell(DefinedColumn column, int index, long number, DateTimeOffset rowTime)
    {
        var pick = Pick(number, index, Salt.Value);
        if (dirtyPercent > 0 && Pick(number, index, Salt.Dirty) % 100 < (ulong)dirtyPercent)
            return column.Type == ColumnType.String ? Value.Integer((long)(pick % 1_000)) : Value.String("n/a");
        // A second time-like column is a little later than the first (updated after created).
        var time = rowTime.AddMinutes(index);
        return (IsTimeLike(column.Name), column.Type) switch
        {
            (true, ColumnType.String) => Value.String(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            (true, ColumnType.Integer) => Value.Integer(IsMilliseconds(column.Name) ? time.ToUnixTimeMilliseconds() : time.ToUnixTimeSeconds()),
            (_, ColumnType.Integer) => Value.Integer(IntegerRange(column.Name) is var (low, high) ? low + (long)(pick % (ulong)(high - low + 1)) : 0),
            (_, ColumnType.Double) => Value.Double((Money(column.Name) ? 50 : 0) + (long)(pick % 100_000) / 100.0),
            (_, ColumnType.Boolean) => Value.Boolean(pick % 3 != 0),
            (_, ColumnType.Binary) => Value.Binary(BitConverter.GetBytes(pick)),
            _ => Value.String(Word(column.Name, pick)),
        };
    }

    /// <summary>What a column's cells hold, in a few words.</summary>
    public static string Describe(DefinedColumn column) => (IsTimeLike(column.Name), column.Type) switch
    {
        (true, ColumnType.String) => "RFC 3339 times",
        (true, ColumnType.Integer) => IsMilliseconds(column.Name) ? "Unix milliseconds" : "Unix seconds",
        (_, ColumnType.Integer) => IntegerRange(column.Name) is var (low, high) ? $"{low}-{high}" : "",
        (_, ColumnType.Double) => "decimals",
        (_, ColumnType.Boolean) => "true or false",
        (_, ColumnType.Binary) => "8 bytes",
        _ => string.Join(", ", WordsFor(column.Name).Take(3)) + ", ...",
    };

    /// <summary>Whether the name says the column holds a time: a word like created, time, date or ts, or an *_at / *At ending.</summary>
    public static bool IsTimeLike(string name)
    {
        var words = NameWords(name);
        return words.Any(w => w is "created" or "updated" or "modified" or "deleted" or "time" or "date" or "datetime" or "ts"
                or "timestamp" or "when")
            || (words.Count > 1 && words[^1] == "at");
    }

    private static bool IsMilliseconds(string name) => NameWords(name).Any(w => w is "ms" or "millis" or "milliseconds");

    private static (long Low, long High) IntegerRange(string name) => NameWords(name) switch
    {
        var w when w.Any(x => x is "quantity" or "qty" or "count" or "items" or "stock") => (1, 20),
        var w when w.Contains("age") => (18, 80),
        var w when w.Contains("year") => (2015, 2026),
        _ => (0, 9_999),
    };

    private static bool Money(string name) => NameWords(name).Any(w => w is "price" or "amount" or "total" or "cost");

    private static string Word(string name, ulong pick)
    {
        var words = WordsFor(name);
        var word = words[(int)(pick % (ulong)words.Count)];
        return NameWords(name).Contains("email") ? $"{word}@example.com" : word;
    }

    private static IReadOnlyList<string> WordsFor(string name)
    {
        var words = NameWords(name);
        if (words.Any(w => w is "shop" or "store" or "city" or "region" or "country" or "site" or "location" or "warehouse"))
            return Cities;
        if (words.Any(w => w is "user" or "customer" or "name" or "person" or "owner" or "author" or "buyer" or "email"))
            return People;
        if (words.Any(w => w is "status" or "state"))
            return Statuses;
        if (words.Any(w => w is "device" or "sensor" or "host" or "machine" or "source"))
            return Devices;
        return Words;
    }

    /// <summary>The words of a column name, lower case: <c>created_at</c> and <c>createdAt</c> are both created, at.</summary>
    private static List<string> NameWords(string name) =>
        [.. NameWord().Matches(name).Select(m => m.Value.ToLowerInvariant())];

    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")]
    private static partial Regex NameWord();

    // SplitMix64's finalizer over the inputs in turn: cheap, well spread, and the same everywhere.
    private ulong Pick(long number, int column, Salt salt)
    {
        var x = Mix(unchecked((ulong)seed + 0x9E3779B97F4A7C15UL));
        x = Mix(x ^ unchecked((ulong)number));
        return Mix(x ^ ((ulong)(uint)column << 8 | (ulong)salt));
    }

    private static ulong Mix(ulong x)
    {
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return x ^ (x >> 31);
    }
}
