using System.Buffers;

namespace DeliveryConsole.Delivery.Engine;

/// <summary>
/// An object's bytes while it is written: written once from the start, then read from the start (after
/// <see cref="Rewind"/>, when it can also seek) for the upload. Small objects stay in memory, in pooled 1 MiB
/// chunks (growing never copies what is written); past <paramref name="memoryLimit"/> bytes the object moves to a
/// temp file in <paramref name="spoolFolder"/>, deleted on dispose, so a 64 MiB object costs no 64 MiB of memory.
/// </summary>
internal sealed class ObjectSpool(string spoolFolder, long memoryLimit) : Stream
{
    private const int ChunkSize = 1024 * 1024;

    private readonly List<byte[]> _chunks = [];
    private FileStream? _file;
    private long _length;
    private long _position;
    private bool _reading;

    public override bool CanRead => _reading;
    /// <summary>Only while reading: an upload may measure the rest and go back to resend it.</summary>
    public override bool CanSeek => _reading;
    public override bool CanWrite => !_reading;
    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    /// <summary>Ends writing; reads start at the first byte.</summary>
    public void Rewind()
    {
        _reading = true;
        _position = 0;
        _file?.Flush();
        _file?.Seek(0, SeekOrigin.Begin);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_reading)
            throw new NotSupportedException("The stream is being read.");
        if (_file is null && _length + buffer.Length > memoryLimit)
            SpillToFile();
        if (_file is not null)
        {
            _file.Write(buffer);
            _length += buffer.Length;
            _position = _length;
            return;
        }
        while (!buffer.IsEmpty)
        {
            var inChunk = (int)(_length % ChunkSize);
            if (inChunk == 0 && _length / ChunkSize == _chunks.Count)
                _chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkSize));
            var take = Math.Min(buffer.Length, ChunkSize - inChunk);
            buffer[..take].CopyTo(_chunks[(int)(_length / ChunkSize)].AsSpan(inChunk));
            buffer = buffer[take..];
            _length += take;
        }
        _position = _length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!_reading)
            throw new NotSupportedException("Call Rewind before reading.");
        if (_file is not null)
        {
            var fromFile = _file.Read(buffer);
            _position += fromFile;
            return fromFile;
        }
        var read = 0;
        while (read < buffer.Length && _position < _length)
        {
            var inChunk = (int)(_position % ChunkSize);
            var take = (int)Math.Min(Math.Min(buffer.Length - read, ChunkSize - inChunk), _length - _position);
            _chunks[(int)(_position / ChunkSize)].AsSpan(inChunk, take).CopyTo(buffer[read..]);
            read += take;
            _position += take;
        }
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        if (!_reading)
            throw new NotSupportedException("Call Rewind before seeking.");
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => _length + offset,
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        _position = Math.Min(target, _length);
        _file?.Seek(_position, SeekOrigin.Begin);
        return _position;
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Moves what is in memory to a new temp file, where the rest of the object goes too.</summary>
    private void SpillToFile()
    {
        Directory.CreateDirectory(spoolFolder);
        _file = new FileStream(Path.Combine(spoolFolder, $"object-{Guid.NewGuid():N}.spool"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        for (var i = 0; i < _chunks.Count; i++)
            _file.Write(_chunks[i], 0, (int)Math.Min(ChunkSize, _length - (long)i * ChunkSize));
        ReturnChunks();
    }

    private void ReturnChunks()
    {
        foreach (var chunk in _chunks)
            ArrayPool<byte>.Shared.Return(chunk);
        _chunks.Clear();
    }

    protected override void Dispose(bool disposing)
    {
        ReturnChunks();
        _file?.Dispose();
        _file = null;
        base.Dispose(disposing);
    }
}
