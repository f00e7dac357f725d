using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DeliveryConsole.Web.Tests.Security;

/// <summary>
/// A logger provider that keeps every line the app logs, at every level from Trace up: the formatted message and
/// the full text of any exception (its message, inner exceptions and stack), which is where a leaked secret hides.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Capture(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Capture(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The structured values as well as the message: a template may leave a value out of its text.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : $"{state}";
            lines.Enqueue($"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)} {{{values}}}{(exception is null ? "" : "\n" + exception)}");
        }
    }
}
