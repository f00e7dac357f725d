using System.Globalization;
using System.Text;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Storage;
using RocksDbSharp;

namespace DeliveryConsole.TableStore;

/// <summary>
/// Saved snapshots: every table as of one moment, kept under a name across restarts until dropped. Each is a
/// RocksDB checkpoint (a full, openable database, mostly hard links) in <see cref="TableStoreOptions.SnapshotsFolder"/>,
/// one folder per name. A snapshot is complete once its time marker file exists: the marker is written last and
/// removed first, so a crash at any point leaves either a complete snapshot or one that counts as missing. Thread-safe.
/// </summary>
public sealed class SavedSnapshots(TableStoreInstance instance)
{
    /// <summary>The longest snapshot name; names are delivery task names.</summary>
    public const int MaxSnapshotNameLength = 64;

    private const string TimeMarkerFile = "snapshot-time";

    /// <summary>
    /// Saves every table as of now, durably, under <paramref name="name"/> (replacing a snapshot of that name).
    /// It survives restarts until <see cref="DropSavedSnapshot"/>; read it with <see cref="OpenSavedSnapshot"/>.
    /// </summary>
    public SavedSnapshotInfo SaveSnapshot(string name)
    {
        RequireSnapshotName(name);
        lock (instance.WriteLock)
        {
            // Under the write lock no write is half in the checkpoint, and the sequence is exactly its newest change.
            instance.ThrowIfDisposed();
            var info = new SavedSnapshotInfo(name, instance.Sequence, instance.NowMs);
            var folder = SnapshotFolder(name);
            DeleteSnapshotFolder(folder);
            Directory.CreateDirectory(instance.SnapshotsFolder);
            instance.Store.SaveCheckpoint(folder);
            WriteTimeMarker(folder, info.Time);
            return info;
        }
    }

    /// <summary>
    /// Opens the saved snapshot <paramref name="name"/>: its rows, table definitions, sequence and time as saved,
    /// read from its own database, so it stays usable whatever the instance does. Dispose it to close that database.
    /// Fails with OTSObjectNotExist when there is no complete snapshot of that name.
    /// </summary>
    public TableSnapshot OpenSavedSnapshot(string name)
    {
        RequireSnapshotName(name);
        instance.ThrowIfDisposed();
        var folder = SnapshotFolder(name);
        if (ReadTimeMarker(folder) is not { } time)
            throw new TableStoreException(new(TableStoreError.ObjectNotExist, $"Saved snapshot '{name}' does not exist."));
        var store = RocksStore.OpenReadOnly(folder);
        try
        {
            // A saved snapshot is read once, front to back: its blocks would only push the live store's out of the cache.
            return new TableSnapshot(store, new ReadOptions().SetFillCache(false), store.GetMetaInt64(MetaKeys.Sequence, 0), time, TableStoreInstance.LoadTables(store),
                release: store.Dispose);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Deletes the saved snapshot <paramref name="name"/>; one that does not exist is already deleted.</summary>
    public void DropSavedSnapshot(string name)
    {
        RequireSnapshotName(name);
        lock (instance.WriteLock)
        {
            instance.ThrowIfDisposed();
            DeleteSnapshotFolder(SnapshotFolder(name));
        }
    }

    /// <summary>The names of the complete saved snapshots, in ordinal order.</summary>
    public IReadOnlyList<string> SavedSnapshotNames
    {
        get
        {
            instance.ThrowIfDisposed();
            if (!Directory.Exists(instance.SnapshotsFolder))
                return [];
            return [.. Directory.EnumerateDirectories(instance.SnapshotsFolder).Select(Path.GetFileName).OfType<string>()
                .Where(n => IsSnapshotName(n) && ReadTimeMarker(SnapshotFolder(n)) is not null).Order(StringComparer.Ordinal)];
        }
    }

    private string SnapshotFolder(string name) => Path.Combine(instance.SnapshotsFolder, name);

    private static void RequireSnapshotName(string name)
    {
        if (!IsSnapshotName(name))
            throw TableStoreException.Invalid(
                $"Snapshot name '{name}' is invalid: it must be 1-{MaxSnapshotNameLength} characters of a-z, 0-9 and '-'.");
    }

    // The alphabet has no '.', '/' or '\\', so a name can never leave the snapshots folder or be RocksDB's staging folder.
    private static bool IsSnapshotName(string? name) =>
        name is { Length: > 0 and <= MaxSnapshotNameLength } && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <summary>Deletes a snapshot folder, marker first (so a crash midway leaves an incomplete one), and RocksDB's staging folder of it.</summary>
    private static void DeleteSnapshotFolder(string folder)
    {
        var marker = Path.Combine(folder, TimeMarkerFile);
        if (File.Exists(marker))
            File.Delete(marker);
        foreach (var path in new[] { folder, folder + ".tmp" })
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
    }

    /// <summary>Writes the marker to disk under another name and then renames it: it is there whole or not at all.</summary>
    private static void WriteTimeMarker(string folder, long time)
    {
        var marker = Path.Combine(folder, TimeMarkerFile);
        var staging = marker + ".tmp";
        using (var stream = new FileStream(staging, FileMode.Create, FileAccess.Write))
        {
            stream.Write(Encoding.UTF8.GetBytes(time.ToString(CultureInfo.InvariantCulture)));
            stream.Flush(flushToDisk: true);
        }
        File.Move(staging, marker, overwrite: true);
    }

    /// <summary>The snapshot's time, or null when the snapshot is missing or incomplete.</summary>
    private static long? ReadTimeMarker(string folder)
    {
        try
        {
            return long.TryParse(File.ReadAllText(Path.Combine(folder, TimeMarkerFile)), NumberStyles.None, CultureInfo.InvariantCulture, out var time)
                ? time : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}

/// <summary>A saved snapshot: its name, the newest change it includes, and when it was taken (ms since the epoch).</summary>
public sealed record SavedSnapshotInfo(string Name, long Sequence, long Time);
