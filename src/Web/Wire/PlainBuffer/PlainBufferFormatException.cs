namespace DeliveryConsole.Web.Wire.PlainBuffer;

/// <summary>
/// A PlainBuffer that cannot be decoded: truncated, an unexpected tag, a bad length, invalid UTF-8 or a checksum
/// mismatch. The only exception the reader throws for bad input; the endpoint answers it with 400 OTSParameterInvalid.
/// </summary>
public sealed class PlainBufferFormatException(string problem, int offset)
    : Exception($"Invalid PlainBuffer: {problem} at byte {offset}.")
{
    /// <summary>Where in the buffer the problem was found.</summary>
    public int Offset { get; } = offset;
}
