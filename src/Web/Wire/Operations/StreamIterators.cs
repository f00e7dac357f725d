using System.Text;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.Wire.Operations;

/// <summary>
/// A stream's one shard and the shard iterators over it. The console keeps one change log for the whole instance;
/// a table's stream is that log seen through the table's name, so a shard iterator is simply the stream id and the
/// log sequence to read after, base64-encoded so clients treat it as opaque.
/// </summary>
public static class StreamIterators
{
    /// <summary>Every stream has exactly one shard, which never splits or closes, so a fixed id is stable forever.</summary>
    public const string ShardId = "0";

    /// <summary>A position in a stream: read the changes after <paramref name="AfterSequence"/>.</summary>
    public readonly record struct Position(string StreamId, long AfterSequence);

    public static string Encode(Position position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{position.AfterSequence}:{position.StreamId}"));

    /// <summary>The position in an iterator this console handed out; anything else is OTSParameterInvalid.</summary>
    public static Position Decode(string iterator)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(iterator));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw Invalid(iterator);
        }
        var colon = text.IndexOf(':');
        return colon > 0 && long.TryParse(text.AsSpan(0, colon), System.Globalization.NumberStyles.None, null, out var after)
            ? new Position(text[(colon + 1)..], after)
            : throw Invalid(iterator);
    }

    /// <summary>
    /// The table whose enabled stream has this id, or OTSObjectNotExist: an unknown id, a stream since disabled, or the
    /// stream of a table deleted and created again (its id names the old table's internal id).
    /// </summary>
    public static TableMeta StreamTable(TableDefinitions tables, string streamId)
    {
        var separator = streamId.LastIndexOf('_');
        if (separator > 0)
        {
            try
            {
                var table = tables.Table(streamId[..separator]);
                if (table.Stream.EnableStream && TableMessages.StreamId(table) == streamId)
                    return table;
            }
            catch (TableStoreException e) when (e.Code == TableStoreError.ObjectNotExist)
            {
                // No such table: no such stream.
            }
        }
        throw WireErrors.Error(TableStoreError.ObjectNotExist, $"The stream '{streamId}' does not exist (or its table's stream is disabled).");
    }

    /// <summary>
    /// Where a shard iterator starts: after the last change committed before <paramref name="timestampMs"/>, or at the
    /// oldest change the log still holds. Commit times never decrease, so the first change at or after the time
    /// splits the log.
    /// </summary>
    public static long StartAfter(ChangeLog changeLog, long? timestampMs)
    {
        var after = changeLog.TrimmedThrough;
        if (timestampMs is not { } time)
            return after;
        while (true)
        {
            var changes = changeLog.ReadChanges(after, 1000);
            foreach (var change in changes)
            {
                if (change.CommitTime >= time)
                    return change.Sequence - 1;
                after = change.Sequence;
            }
            if (changes.Count < 1000)
                return after;
        }
    }

    private static TableStoreException Invalid(string iterator) =>
        TableStoreException.Invalid($"shard_iterator '{(iterator.Length > 64 ? iterator[..64] + "..." : iterator)}' is not a shard iterator this console returned.");
}
