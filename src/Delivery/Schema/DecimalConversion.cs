using System.Globalization;
using System.Numerics;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Schema;

/// <summary>
/// DECIMAL(p,s): an INTEGER, a finite DOUBLE (by its shortest round-trip text, so 2.675 is 2.675 and not the binary
/// 2.67499…), or a STRING of decimal text (<c>[+-]digits[.digits][e[+-]digits]</c>, no spaces or separators), rounded
/// to s fraction digits half away from zero (as Hive, Spark and Java's HALF_UP round); dirty when the rounded value
/// needs more than p digits. Stored as the unscaled integer (value x 10^s): an Integer for p up to 18, otherwise a
/// Binary of its little-endian two's complement bytes (<see cref="BigInteger.ToByteArray()"/>).
/// </summary>
public sealed class DecimalConversion(DecimalShape shape) : CellConversion
{
    private readonly BigInteger _limit = BigInteger.Pow(10, shape.Precision);

    public DecimalShape Shape => shape;

    public override ValueKind StoredKind => shape.FitsInt64 ? ValueKind.Integer : ValueKind.Binary;

    public override bool TryConvert(Value source, out Value stored)
    {
        stored = default;
        BigInteger unscaled;
        switch (source.Kind)
        {
            case ValueKind.Integer:
                unscaled = source.AsInteger * BigInteger.Pow(10, shape.Scale);
                break;
            case ValueKind.Double when double.IsFinite(source.AsDouble):
                if (!TryUnscaled(source.AsDouble.ToString("R", CultureInfo.InvariantCulture), out unscaled))
                    return false;
                break;
            case ValueKind.String:
                if (!TryUnscaled(source.AsString, out unscaled))
                    return false;
                break;
            default:
                return false;
        }
        if (BigInteger.Abs(unscaled) >= _limit)
            return false;
        stored = shape.FitsInt64 ? Value.Integer((long)unscaled) : Value.Binary(unscaled.ToByteArray());
        return true;
    }

    /// <summary>The value a stored DECIMAL value stands for, as exact decimal text.</summary>
    public string StoredText(Value stored)
    {
        var unscaled = shape.FitsInt64 ? new BigInteger(stored.AsInteger) : new BigInteger(stored.AsBinary);
        var digits = BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture).PadLeft(shape.Scale + 1, '0');
        var sign = unscaled.Sign < 0 ? "-" : "";
        return shape.Scale == 0 ? sign + digits : $"{sign}{digits[..^shape.Scale]}.{digits[^shape.Scale..]}";
    }

    /// <summary>Decimal text rounded half away from zero to the scale, as an unscaled integer; false when it is not decimal text.</summary>
    private bool TryUnscaled(ReadOnlySpan<char> text, out BigInteger unscaled)
    {
        unscaled = default;
        var negative = text.Length > 0 && text[0] == '-';
        if (text.Length > 0 && text[0] is '-' or '+')
            text = text[1..];
        var exponentAt = text.IndexOfAny('e', 'E');
        long exponent = 0;
        if (exponentAt >= 0)
        {
            var exponentText = text[(exponentAt + 1)..];
            if (!IsSignedDigits(exponentText) || !long.TryParse(exponentText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
                return false;
            text = text[..exponentAt];
            // Beyond this any non-zero digits overflow every precision or round to zero; clamping keeps the arithmetic small.
            exponent = Math.Clamp(exponent, -10_000, 10_000);
        }
        var point = text.IndexOf('.');
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? [] : text[(point + 1)..];
        if (whole.Length + fraction.Length == 0 || !IsDigits(whole) || !IsDigits(fraction))
            return false;
        var digits = BigInteger.Parse(string.Concat(whole, fraction), NumberStyles.None, CultureInfo.InvariantCulture);
        // value = digits x 10^(exponent - fraction.Length); the unscaled value is that x 10^scale.
        var shift = exponent - fraction.Length + shape.Scale;
        if (digits.IsZero)
            unscaled = BigInteger.Zero;
        else if (shift >= 0)
            unscaled = shift > DecimalShape.MaxPrecision ? _limit : digits * BigInteger.Pow(10, (int)shift);
        else
            unscaled = -shift > whole.Length + fraction.Length ? BigInteger.Zero : RoundHalfAwayFromZero(digits, (int)-shift);
        if (negative)
            unscaled = -unscaled;
        return true;
    }

    private static BigInteger RoundHalfAwayFromZero(BigInteger digits, int dropped)
    {
        var quotient = BigInteger.DivRem(digits, BigInteger.Pow(10, dropped), out var remainder);
        return remainder * 2 >= BigInteger.Pow(10, dropped) ? quotient + 1 : quotient;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        return true;
    }

    private static bool IsSignedDigits(ReadOnlySpan<char> text) =>
        text.Length > 0 && IsDigits(text[0] is '+' or '-' ? text[1..] : text) && text.Length > (text[0] is '+' or '-' ? 1 : 0);
}
