using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Storage;
using RocksDbSharp;

namespace DeliveryConsole.TableStore;

/// <summary>
/// The instance's change log: every committed write in sequence order, read with <see cref="ReadChanges"/>, kept
/// while a consumer holds it (<see cref="SetChangeHold"/>) or a stream's expiration has not passed, and trimmed
/// after that, by itself every <see cref="TableStoreOptions.TrimInterval"/>. Thread-safe.
/// </summary>
public sealed class ChangeLog(TableStoreInstance instance)
{
    /// <summary>The newest committed change's sequence (0 before the first write).</summary>
    public long LastSequence => instance.Sequence;

    /// <summary>Changes up to and including this sequence have been trimmed from the log.</summary>
    public long TrimmedThrough => instance.TrimmedThrough;

    /// <summary>
    /// Up to <paramref name="limit"/> changes after <paramref name="afterSequence"/>, in commit order.
    /// Fails with OTSTrimmedDataAccess when some of them have been trimmed.
    /// </summary>
    public IReadOnlyList<ChangeRecord> ReadChanges(long afterSequence, int limit)
    {
        if (limit < 1)
            throw TableStoreException.Invalid($"limit must be at least 1, not {limit}.");
        if (afterSequence < 0)
            throw TableStoreException.Invalid($"afterSequence must be at least 0, not {afterSequence}.");
        instance.ThrowIfDisposed();
        var store = instance.Store;
        using var lease = store.Guard.Enter();
        var changes = new List<ChangeRecord>(Math.Min(limit, 1024));
        using var iterator = store.Db.NewIterator(store.Changes);
        iterator.Seek(RocksStore.SequenceKey(afterSequence + 1));
        // Checked after the iterator exists: a trim that finishes now cannot remove what it will read.
        if (afterSequence < TrimmedThrough)
            throw new TableStoreException(new(TableStoreError.TrimmedDataAccess,
                $"Changes up to sequence {TrimmedThrough} have been trimmed; read from sequence {TrimmedThrough} on."));
        for (; iterator.Valid() && changes.Count < limit; iterator.Next())
            changes.Add(ChangeCodec.Decode(RocksStore.SequenceOf(iterator.GetKeySpan()), iterator.GetValueSpan()));
        return changes;
    }

    /// <summary>
    /// Keeps every change after <paramref name="sequence"/> until the hold moves or is removed, whatever the
    /// streams' expiration. Delivery tasks hold what they have not yet delivered. Durable across restarts.
    /// </summary>
    public void SetChangeHold(string consumer, long sequence)
    {
        lock (instance.WriteLock)
        {
            instance.ThrowIfDisposed();
            var store = instance.Store;
            store.Db.Put(RocksStore.MetaKey(MetaKeys.Hold(consumer)), RocksStore.Int64Bytes(sequence), store.Meta, store.WriteOptions);
            instance.Holds[consumer] = sequence;
        }
    }

    /// <summary>The consumers that hold changes now (see <see cref="SetChangeHold"/>), in ordinal order.</summary>
    public IReadOnlyCollection<string> ChangeHoldConsumers
    {
        get
        {
            lock (instance.WriteLock)
            {
                instance.ThrowIfDisposed();
                return [.. instance.Holds.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Removes the consumer's hold (see <see cref="SetChangeHold"/>); the next trim may then remove what only it kept.</summary>
    public void RemoveChangeHold(string consumer)
    {
        lock (instance.WriteLock)
        {
            instance.ThrowIfDisposed();
            var store = instance.Store;
            store.Db.Remove(RocksStore.MetaKey(MetaKeys.Hold(consumer)), store.Meta, store.WriteOptions);
            instance.Holds.Remove(consumer);
        }
    }

    /// <summary>What the instance's trim timer runs.</summary>
    internal void TrimInBackground()
    {
        try
        {
            TrimChanges();
        }
        catch (Exception e) when (e is RocksDbException or ObjectDisposedException)
        {
            // A failed trim only keeps changes longer; the next interval tries again.
        }
    }

    /// <summary>
    /// Removes the changes that no hold needs and that are older than the longest stream expiration of any table
    /// (168 hours when there is no table). Runs by itself every <see cref="TableStoreOptions.TrimInterval"/>.
    /// </summary>
    /// <returns>The sequence the log is now trimmed through.</returns>
    public long TrimChanges()
    {
        lock (instance.WriteLock)
        {
            instance.ThrowIfDisposed();
            var store = instance.Store;
            var trimmed = instance.TrimmedThrough;
            var expiration = instance.Tables.Values.Select(t => t.Stream.ExpirationTime).DefaultIfEmpty(168).Max();
            var cutoff = instance.NowMs - expiration * 3_600_000L;
            var holds = instance.Holds;
            var through = Math.Min(instance.Sequence, holds.Count == 0 ? long.MaxValue : holds.Values.Min());
            using (var iterator = store.Db.NewIterator(store.Changes))
            {
                for (iterator.Seek(RocksStore.SequenceKey(trimmed + 1)); iterator.Valid(); iterator.Next())
                {
                    var sequence = RocksStore.SequenceOf(iterator.GetKeySpan());
                    if (sequence > through || ChangeCodec.CommitTimeOf(iterator.GetValueSpan()) >= cutoff)
                    {
                        through = Math.Min(through, sequence - 1);
                        break;
                    }
                }
            }
            if (through <= trimmed)
                return trimmed;
            using var batch = new WriteBatch();
            var from = RocksStore.SequenceKey(0);
            var to = RocksStore.SequenceKey(through + 1);
            batch.DeleteRange(from, (ulong)from.Length, to, (ulong)to.Length, store.Changes);
            batch.Put(RocksStore.MetaKey(MetaKeys.Trimmed), RocksStore.Int64Bytes(through), store.Meta);
            store.Write(batch);
            instance.TrimmedThrough = through;
            return through;
        }
    }
}
