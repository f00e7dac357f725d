using DeliveryConsole.TableStore.Changes;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Storage;
using RocksDbSharp;

namespace DeliveryConsole.TableStore;

public sealed partial class TableService
{
    private readonly Dictionary<string, long> _holds = [];
    private long _trimmedThrough;

    /// <summary>Changes up to and including this sequence have been trimmed from the log.</summary>
    public long TrimmedThrough => Interlocked.Read(ref _trimmedThrough);

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
        ThrowIfDisposed();
        using var lease = _store.Guard.Enter();
        var changes = new List<ChangeRecord>(Math.Min(limit, 1024));
        using var iterator = _store.Db.NewIterator(_store.Changes);
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
        lock (_writeLock)
        {
            ThrowIfDisposed();
            _store.Db.Put(RocksStore.MetaKey(MetaKeys.Hold(consumer)), RocksStore.Int64Bytes(sequence), _store.Meta, _store.WriteOptions);
            _holds[consumer] = sequence;
        }
    }

    /// <summary>The consumers that hold changes now (see <see cref="SetChangeHold"/>), in ordinal order.</summary>
    public IReadOnlyCollection<string> ChangeHoldConsumers
    {
        get
        {
            lock (_writeLock)
            {
                ThrowIfDisposed();
                return [.. _holds.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    public void RemoveChangeHold(string consumer)
    {
        lock (_writeLock)
        {
            ThrowIfDisposed();
            _store.Db.Remove(RocksStore.MetaKey(MetaKeys.Hold(consumer)), _store.Meta, _store.WriteOptions);
            _holds.Remove(consumer);
        }
    }

    private void TrimInBackground()
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
        lock (_writeLock)
        {
            ThrowIfDisposed();
            var expiration = _tables.Values.Select(t => t.Stream.ExpirationTime).DefaultIfEmpty(168).Max();
            var cutoff = NowMs - expiration * 3_600_000L;
            var through = Math.Min(_sequence, _holds.Count == 0 ? long.MaxValue : _holds.Values.Min());
            using (var iterator = _store.Db.NewIterator(_store.Changes))
            {
                for (iterator.Seek(RocksStore.SequenceKey(_trimmedThrough + 1)); iterator.Valid(); iterator.Next())
                {
                    var sequence = RocksStore.SequenceOf(iterator.GetKeySpan());
                    if (sequence > through || ChangeCodec.CommitTimeOf(iterator.GetValueSpan()) >= cutoff)
                    {
                        through = Math.Min(through, sequence - 1);
                        break;
                    }
                }
            }
            if (through <= _trimmedThrough)
                return _trimmedThrough;
            using var batch = new WriteBatch();
            var from = RocksStore.SequenceKey(0);
            var to = RocksStore.SequenceKey(through + 1);
            batch.DeleteRange(from, (ulong)from.Length, to, (ulong)to.Length, _store.Changes);
            batch.Put(RocksStore.MetaKey(MetaKeys.Trimmed), RocksStore.Int64Bytes(through), _store.Meta);
            _store.Write(batch);
            Interlocked.Exchange(ref _trimmedThrough, through);
            return through;
        }
    }
}
