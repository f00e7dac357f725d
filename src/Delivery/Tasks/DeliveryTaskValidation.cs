using System.Diagnostics.CodeAnalysis;

namespace DeliveryConsole.Delivery.Tasks;

/// <summary>Either the validated <see cref="Spec"/> or the <see cref="Error"/> that rejects the request.</summary>
public sealed class DeliveryTaskValidation
{
    private DeliveryTaskValidation(DeliveryTaskSpec? spec, DeliveryTaskError? error)
    {
        Spec = spec;
        Error = error;
    }

    public DeliveryTaskSpec? Spec { get; }

    public DeliveryTaskError? Error { get; }

    [MemberNotNullWhen(true, nameof(Spec))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Spec is not null;

    public static DeliveryTaskValidation Valid(DeliveryTaskSpec spec) => new(spec, null);

    public static DeliveryTaskValidation Invalid(DeliveryTaskError error) => new(null, error);
}
