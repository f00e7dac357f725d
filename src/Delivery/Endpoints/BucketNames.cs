using System.Text.RegularExpressions;

namespace DeliveryConsole.Delivery.Endpoints;

/// <summary>
/// Bucket names valid on every endpoint (OSS's rules, which S3 and Swift accept too): 3 to 63 lowercase letters,
/// digits and hyphens, starting and ending with a letter or digit. They are also safe folder names.
/// </summary>
public static partial class BucketNames
{
    public static bool IsValid(string? bucket) => bucket is not null && Pattern().IsMatch(bucket);

    /// <summary>Throws <see cref="ArgumentException"/> naming the rule when <paramref name="bucket"/> breaks it.</summary>
    public static void Validate(string? bucket)
    {
        if (Problem(bucket) is { } why)
            throw new ArgumentException(why, nameof(bucket));
    }

    /// <summary>The rule <paramref name="bucket"/> breaks, in words for the user, or null when it is valid.</summary>
    public static string? Problem(string? bucket) => IsValid(bucket)
        ? null
        : $"Invalid bucket name '{bucket}': use 3 to 63 lowercase letters, digits and hyphens, " +
          "starting and ending with a letter or digit.";

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
