namespace DeliveryConsole.TableStore.Storage;

/// <summary>
/// Keeps native handles open while an operation uses them. Closing refuses new operations at once and runs the
/// release when the last running one ends: a native handle used after it is freed crashes the process, it does
/// not throw. Thread-safe.
/// </summary>
internal sealed class UseGuard(object owner)
{
    private readonly Lock _lock = new();
    private int _users;
    private volatile bool _closed;
    private Action? _pendingRelease;

    /// <summary>True once closing has begun; long operations check it between steps and stop.</summary>
    public bool IsClosed => _closed;

    /// <summary>Starts an operation; dispose the lease when it ends. Throws ObjectDisposedException once closed.</summary>
    public Lease Enter()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, owner);
            _users++;
        }
        return new Lease(this);
    }

    /// <summary>Throws ObjectDisposedException once closing has begun.</summary>
    public void ThrowIfClosed() => ObjectDisposedException.ThrowIf(_closed, owner);

    /// <summary>Refuses new operations and runs <paramref name="release"/> now or when the last running one ends.</summary>
    public void Close(Action release)
    {
        lock (_lock)
        {
            if (_closed)
                return;
            _closed = true;
            if (_users > 0)
            {
                _pendingRelease = release;
                return;
            }
        }
        release();
    }

    private void Exit()
    {
        Action? release;
        lock (_lock)
        {
            if (--_users > 0 || !_closed)
                return;
            release = _pendingRelease;
            _pendingRelease = null;
        }
        release?.Invoke();
    }

    /// <summary>One running operation; disposing it ends the operation.</summary>
    public readonly struct Lease(UseGuard guard) : IDisposable
    {
        public void Dispose() => guard.Exit();
    }
}
