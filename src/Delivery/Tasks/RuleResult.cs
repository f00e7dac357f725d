using System.Diagnostics.CodeAnalysis;

namespace DeliveryConsole.Delivery.Tasks;

/// <summary>
/// What a CreateDeliveryTask rule makes of a field: the parsed <see cref="Value"/>, or the <see cref="Error"/> of
/// the first rule the field breaks. A rule returns either (each converts implicitly), so the validator stops at the
/// first error and a form that only wants the message reads <see cref="Error"/>. A whole request's result is a
/// <c>RuleResult&lt;DeliveryTaskSpec&gt;</c> (<see cref="DeliveryTaskValidator"/>).
/// </summary>
public readonly record struct RuleResult<T>
{
    private RuleResult(T? value, DeliveryTaskError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The parsed value; the type's default while a rule is broken.</summary>
    public T? Value { get; }

    /// <summary>The first broken rule; null when the field keeps every rule.</summary>
    public DeliveryTaskError? Error { get; }

    /// <summary>True when the field keeps every rule: then <see cref="Value"/> is set, else <see cref="Error"/>.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;

    /// <summary>True with the parsed value when the field keeps every rule, else false with the broken rule.</summary>
    public bool TryGet([MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out DeliveryTaskError? error)
    {
        (value, error) = (Value!, Error);
        return error is null;
    }

    public static implicit operator RuleResult<T>(T value) => new(value, null);

    public static implicit operator RuleResult<T>(DeliveryTaskError error) => new(default, error);
}
