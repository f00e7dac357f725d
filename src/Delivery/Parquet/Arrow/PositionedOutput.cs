namespace DeliveryConsole.Delivery.Parquet.Arrow;

/// <summary>
/// A write-only view of an output stream that counts the bytes written: Arrow asks the stream for its position,
/// and the object's output (an upload, say) need not seek. Closing it leaves the output open.
/// </summary>
internal sealed class PositionedOutput(Stream output) : Stream
{
    private long _written;
    private bool _detached;

    /// <summary>From now on writes are counted but dropped: the native writer may still flush a footer as it is freed.</summary>
    public void Detach() => _detached = true;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _written;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!_detached)
            output.Write(buffer);
        _written += buffer.Length;
    }

    public override void Flush()
    {
        if (!_detached)
            output.Flush();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
