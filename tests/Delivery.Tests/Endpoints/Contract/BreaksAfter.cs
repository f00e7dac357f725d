namespace DeliveryConsole.Delivery.Tests.Endpoints.Contract;

/// <summary>Content that gives <c>good</c> zero bytes and then fails, as a broken source would.</summary>
internal sealed class BreaksAfter(long good, bool seekable, long length = long.MaxValue) : Stream
{
    public const string Message = "the source broke";
    private long _position;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= good)
            throw new IOException(Message);
        var read = (int)Math.Min(count, good - _position);
        Array.Clear(buffer, offset, read);
        _position += read;
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => seekable;
    public override bool CanWrite => false;
    public override long Length => seekable ? length : throw new NotSupportedException();

    public override long Position
    {
        get => seekable ? _position : throw new NotSupportedException();
        set => _position = seekable ? value : throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
