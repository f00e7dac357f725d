namespace DeliveryConsole.Delivery.Tasks;

/// <summary>What a task delivers, with the real service's wire values (DeliveryTaskType BASE=0 .. BASE_INC=2).</summary>
public enum DeliveryTaskType : byte
{
    /// <summary>A consistent snapshot of the table, once.</summary>
    Base = 0,

    /// <summary>Every change committed after the task was created.</summary>
    Inc = 1,

    /// <summary>The snapshot, then every change after the snapshot point.</summary>
    BaseInc = 2,
}

/// <summary>Wire names of <see cref="DeliveryTaskType"/>: BASE, INC, BASE_INC.</summary>
public static class DeliveryTaskTypes
{
    public static IReadOnlyList<DeliveryTaskType> All { get; } = [DeliveryTaskType.Base, DeliveryTaskType.Inc, DeliveryTaskType.BaseInc];

    public static string WireName(this DeliveryTaskType type) => type switch
    {
        DeliveryTaskType.Base => "BASE",
        DeliveryTaskType.Inc => "INC",
        DeliveryTaskType.BaseInc => "BASE_INC",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Parses a wire name exactly as the service spells it (upper case).</summary>
    public static bool TryParse(string? wireName, out DeliveryTaskType type) =>
        WireNames.TryParse(All, WireName, wireName, out type);
}
