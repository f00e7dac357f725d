using System.Diagnostics.CodeAnalysis;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Tasks;

/// <summary>
/// The first CreateDeliveryTask rule a request breaks: the service's error <paramref name="Code"/>, the field's
/// camelCase path in the request (such as <c>taskConfig.schema[2].type</c>) and one sentence that starts with
/// that path and names the rule.
/// </summary>
public sealed record DeliveryTaskError(string Code, string Field, string Message)
{
    /// <summary>An OTSParameterInvalid error.</summary>
    public static DeliveryTaskError Invalid(string field, string message) =>
        new(TableStoreError.ParameterInvalid, field, message);
}

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
