using System.Text;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Schema;

/// <summary>The text a dirty-data record keeps of a value: at most 1 KiB of UTF-8, never a split character.</summary>
public static class DirtyValueText
{
    public const int MaxBytes = 1024;

    // Base64 turns every 3 bytes into 4 characters, so this many bytes give exactly MaxBytes characters.
    private const int MaxBinaryBytes = MaxBytes / 4 * 3;

    /// <summary>
    /// Strings as they are, binaries as Base64, other values as <see cref="Value.ToString"/>; cut to
    /// <see cref="MaxBytes"/> UTF-8 bytes. Only the kept prefix of a large binary is ever encoded.
    /// </summary>
    public static string Of(Value value, out bool truncated)
    {
        if (value.Kind == ValueKind.Binary)
        {
            var bytes = value.AsBinary;
            truncated = bytes.Length > MaxBinaryBytes;
            return Convert.ToBase64String(bytes, 0, Math.Min(bytes.Length, MaxBinaryBytes));
        }
        return Utf8Prefix(value.ToString(), out truncated);
    }

    private static string Utf8Prefix(string text, out bool truncated)
    {
        truncated = false;
        if (text.Length <= MaxBytes / 3)
            return text;
        int bytes = 0, chars = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > MaxBytes)
            {
                truncated = true;
                return text[..chars];
            }
            bytes += rune.Utf8SequenceLength;
            chars += rune.Utf16SequenceLength;
        }
        return text;
    }
}
