namespace DeliveryConsole.Delivery.Partitioning;

/// <summary>
/// How an event-time column's value is read (wire values of EventColumn.timeFormat). The RFC formats are Go's
/// time layouts of the same names, read from STRING cells; Unix is epoch seconds (or milliseconds, see
/// <see cref="EventTimeParser"/>) in INTEGER cells or digit strings.
/// </summary>
public enum EventTimeFormat
{
    /// <summary>Go <c>time.RFC822</c>: <c>02 Jan 06 15:04 MST</c>.</summary>
    RFC822 = 1,

    /// <summary>Go <c>time.RFC850</c>: <c>Monday, 02-Jan-06 15:04:05 MST</c>.</summary>
    RFC850 = 2,

    /// <summary>Go <c>time.RFC1123</c>: <c>Mon, 02 Jan 2006 15:04:05 MST</c>.</summary>
    RFC1123 = 3,

    /// <summary>Go <c>time.RFC3339</c>: <c>2006-01-02T15:04:05Z07:00</c>, fractional seconds allowed.</summary>
    RFC3339 = 4,

    /// <summary>Seconds since 1970-01-01T00:00:00Z; an absolute value of at least 1e11 counts milliseconds.</summary>
    Unix = 5,
}
