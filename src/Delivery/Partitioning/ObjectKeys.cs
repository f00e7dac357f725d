using System.Globalization;
using System.Text;

namespace DeliveryConsole.Delivery.Partitioning;

/// <summary>
/// Names delivered objects as the real service does:
/// <c>&lt;resolvedPrefix&gt;/&lt;taskName&gt;_&lt;concurrentId&gt;_&lt;prefixTag&gt;__&lt;sequenceId&gt;[extension]</c>,
/// where the prefix tag is the resolved prefix with every <c>/</c> replaced by <c>_</c>.
/// </summary>
public static class ObjectKeys
{
    /// <summary>The longest object key OSS accepts, in UTF-8 bytes.</summary>
    public const int MaxKeyBytes = 1023;

    private const int LongestConcurrentId = 10;
    private const int LongestSequenceId = 19;
    private const int SeparatorBytes = 5; // "/", "_", "_" and "__"

    /// <summary>
    /// The key of object <paramref name="sequenceId"/> (from 1) written by writer <paramref name="concurrentId"/>
    /// (from 0) of task <paramref name="taskName"/> under <paramref name="resolvedPrefix"/>, whose leading and
    /// trailing <c>/</c> are dropped. <paramref name="extension"/> (such as <c>.parquet</c>) is appended as given.
    /// </summary>
    public static string For(string resolvedPrefix, string taskName, int concurrentId, long sequenceId, string? extension = null)
    {
        var prefix = resolvedPrefix.Trim('/');
        ArgumentException.ThrowIfNullOrEmpty(prefix, nameof(resolvedPrefix));
        ArgumentException.ThrowIfNullOrEmpty(taskName);
        if (taskName.Contains('/'))
            throw new ArgumentException("A task name cannot contain '/'.", nameof(taskName));
        ArgumentOutOfRangeException.ThrowIfNegative(concurrentId);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequenceId, 1);
        if (!string.IsNullOrEmpty(extension) && (extension[0] != '.' || extension.Contains('/')))
            throw new ArgumentException("An extension starts with '.' and has no '/'.", nameof(extension));
        var prefixTag = prefix.Replace('/', '_');
        return string.Create(CultureInfo.InvariantCulture,
            $"{prefix}/{taskName}_{concurrentId}_{prefixTag}__{sequenceId}{extension}");
    }

    /// <summary>
    /// The UTF-8 length of the longest key a task can produce under <paramref name="template"/> (largest writer and
    /// sequence numbers). The prefix appears twice in a key, so a prefix near 1023 bytes makes keys OSS rejects.
    /// </summary>
    public static int LongestKeyByteCount(PrefixTemplate template, string taskName, string? extension = null) =>
        2 * template.ExpandedByteCount + Encoding.UTF8.GetByteCount(taskName) + Encoding.UTF8.GetByteCount(extension ?? "")
        + LongestConcurrentId + LongestSequenceId + SeparatorBytes;
}
