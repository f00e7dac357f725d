namespace DeliveryConsole.TableStore.Model;

/// <summary>An error with the real service's code, and a message that says what is wrong.</summary>
public sealed record TableStoreError(string Code, string Message)
{
    public const string ParameterInvalid = "OTSParameterInvalid";
    public const string ObjectNotExist = "OTSObjectNotExist";
    public const string ObjectAlreadyExist = "OTSObjectAlreadyExist";
    public const string ConditionCheckFail = "OTSConditionCheckFail";
    public const string QuotaExhausted = "OTSQuotaExhausted";
    public const string ServerBusy = "OTSServerBusy";
    public const string TrimmedDataAccess = "OTSTrimmedDataAccess";

    public static TableStoreError Invalid(string message) => new(ParameterInvalid, message);
}

/// <summary>Thrown by operations that fail as a whole; <see cref="Error"/> carries the code.</summary>
public sealed class TableStoreException(TableStoreError error) : Exception(error.Message)
{
    public TableStoreError Error { get; } = error;

    public string Code => Error.Code;

    public static TableStoreException Invalid(string message) => new(TableStoreError.Invalid(message));

    public static TableStoreException NoTable(string table) =>
        new(new TableStoreError(TableStoreError.ObjectNotExist, $"Requested table '{table}' does not exist."));
}
