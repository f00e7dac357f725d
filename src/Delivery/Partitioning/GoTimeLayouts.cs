namespace DeliveryConsole.Delivery.Partitioning;

/// <summary>
/// Go's layouts for the RFC event-time formats, cut into Go's layout elements ("Jan", "2006", "15", "MST", ...)
/// and single literal characters, read by <see cref="GoTimeReader"/> the way Go's <c>time.Parse</c> reads them.
/// </summary>
internal static class GoTimeLayouts
{
    private static readonly string[] Elements =
        ["Monday", "Mon", "Jan", "2006", "Z07:00", "MST", "01", "02", "04", "05", "06", "15"];

    private static readonly Dictionary<EventTimeFormat, string[]> Layouts = new()
    {
        [EventTimeFormat.RFC822] = Cut("02 Jan 06 15:04 MST"),
        [EventTimeFormat.RFC850] = Cut("Monday, 02-Jan-06 15:04:05 MST"),
        [EventTimeFormat.RFC1123] = Cut("Mon, 02 Jan 2006 15:04:05 MST"),
        [EventTimeFormat.RFC3339] = Cut("2006-01-02T15:04:05Z07:00"),
    };

    public static bool TryParse(EventTimeFormat format, string text, out DateTimeOffset time)
    {
        time = default;
        if (!Layouts.TryGetValue(format, out var chunks))
            return false;
        var reader = new GoTimeReader(text);
        foreach (var chunk in chunks)
        {
            if (!reader.Read(chunk))
                return false;
        }
        return reader.TryFinish(out time);
    }

    private static string[] Cut(string layout)
    {
        var chunks = new List<string>();
        for (var at = 0; at < layout.Length; at += chunks[^1].Length)
        {
            var element = Array.Find(Elements, e => string.CompareOrdinal(layout, at, e, 0, e.Length) == 0);
            chunks.Add(element ?? layout[at].ToString());
        }
        return [.. chunks];
    }
}
