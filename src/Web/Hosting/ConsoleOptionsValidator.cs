using System.Text.RegularExpressions;
using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Delivery.Partitioning;
using DeliveryConsole.TableStore;
using Microsoft.Extensions.Options;

namespace DeliveryConsole.Web.Hosting;

/// <summary>Checks every setting at start; each failure names its setting so the user knows what to fix.</summary>
public sealed partial class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        var errors = Errors(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static IEnumerable<string> Errors(ConsoleOptions options)
    {
        const string s = ConsoleOptions.Section;
        if (InstanceRules.CheckName(options.InstanceName) is { } nameRule)
            yield return $"{s}:InstanceName '{options.InstanceName}' {nameRule}.";
        if (InstanceRules.CheckAccountId(options.AccountId) is { } accountRule)
            yield return $"{s}:AccountId '{options.AccountId}' {accountRule}.";
        if (options.MaxTables is < 1 or > 10_000)
            yield return $"{s}:MaxTables must be 1-10000, not {options.MaxTables}.";
        if (options.FlushIntervalSeconds is < 1 or > 3600)
            yield return $"{s}:FlushIntervalSeconds must be 1-3600, not {options.FlushIntervalSeconds}.";
        if (options.FlushSizeMiB is < 1 or > 1024)
            yield return $"{s}:FlushSizeMiB must be 1-1024, not {options.FlushSizeMiB}.";
        if (!PartitionTimeZone.TryResolve(options.PartitionTimeZone, out _, out var zoneError))
            yield return $"{s}:PartitionTimeZone {zoneError}";
        if (options.ObjectExtension.Length > 0 && !ObjectExtension().IsMatch(options.ObjectExtension))
            yield return $"{s}:ObjectExtension must be empty or a '.' and 1-16 letters or digits, such as .parquet, not '{options.ObjectExtension}'.";
        if (DataFolderError(options.DataFolder) is { } folderError)
            yield return $"{s}:DataFolder {folderError}";
        foreach (var error in Security.InstanceAccessKey.Errors(options))
            yield return error;
        foreach (var (endpointName, endpoint) in options.Endpoints)
        {
            if (!EndpointName().IsMatch(endpointName))
                yield return $"{s}:Endpoints:{endpointName} is not a valid endpoint name: use letters, digits, dots and hyphens.";
            foreach (var error in endpoint.Validate($"{s}:Endpoints:{endpointName}"))
                yield return error;
        }
    }

    // Everything the console keeps lives in the data folder, so it must exist (or be creatable) and be writable.
    private static string? DataFolderError(string folder) =>
        string.IsNullOrWhiteSpace(folder) ? "must name a folder."
        : LocalFolderEndpoint.WritableError(folder) is { } error ? $"'{folder}' is not a writable folder: {error}"
        : null;

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?\z")]
    private static partial Regex EndpointName();

    [GeneratedRegex(@"^\.[A-Za-z0-9]{1,16}\z")]
    private static partial Regex ObjectExtension();
}
