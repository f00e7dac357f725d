namespace DeliveryConsole.TableStore;

/// <summary>Where the table store keeps its data and how much it may hold.</summary>
public sealed class TableStoreOptions
{
    /// <summary>The RocksDB folder: rows, change log and table definitions, all in one place.</summary>
    public required string Folder { get; init; }

    /// <summary>
    /// Where saved snapshots live, one folder each; null means beside <see cref="Folder"/>, named
    /// <c>&lt;Folder&gt;-snapshots</c>. It must neither be inside <see cref="Folder"/> nor contain it.
    /// </summary>
    public string? SnapshotsFolder { get; init; }

    /// <summary>How many tables the instance may have (the real service's default quota is 64).</summary>
    public int MaxTables { get; init; } = 64;

    /// <summary>How often the change log is trimmed of changes no task needs and older than every stream expiration.</summary>
    public TimeSpan TrimInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The full path of the snapshots folder. Nesting is refused: RocksDB owns every file in its folder, and a
    /// snapshot folder that is the database (or holds it) would be deleted when a snapshot is replaced.
    /// </summary>
    internal string ResolveSnapshotsFolder()
    {
        var data = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Folder));
        var snapshots = Path.TrimEndingDirectorySeparator(Path.GetFullPath(SnapshotsFolder ?? data + "-snapshots"));
        if (IsWithin(snapshots, data) || IsWithin(data, snapshots))
            throw new ArgumentException(
                $"The snapshots folder '{snapshots}' and the table folder '{data}' must not be inside one another.", nameof(SnapshotsFolder));
        return snapshots;
    }

    // Case-insensitive on every system: refusing a few more paths is safe, deleting the database is not.
    private static bool IsWithin(string path, string folder) =>
        path.Equals(folder, StringComparison.OrdinalIgnoreCase)
        || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase);
}
