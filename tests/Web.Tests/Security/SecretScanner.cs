using System.Text;

namespace DeliveryConsole.Web.Tests.Security;

/// <summary>
/// Looks for secret values in text and raw bytes: each secret as UTF-8, and the part of its base64 form that does
/// not depend on its neighbours at each of the three byte alignments, so a secret inside a longer base64 blob (a
/// header, a persisted state) is found too. A hit names where it was and what was found.
/// </summary>
public sealed class SecretScanner
{
    private readonly List<(string Name, byte[] Needle)> _needles = [];
    private readonly List<string> _hits = [];

    public SecretScanner(IReadOnlyDictionary<string, string> secrets)
    {
        foreach (var (name, secret) in secrets)
        {
            var bytes = Encoding.UTF8.GetBytes(secret);
            _needles.Add((name, bytes));
            foreach (var (alignment, form) in Base64Forms(bytes))
                _needles.Add(($"{name} (base64, alignment {alignment})", Encoding.ASCII.GetBytes(form)));
        }
    }

    public IReadOnlyList<string> Hits => _hits;

    /// <summary>How many sources were scanned, by kind (so a scan of nothing cannot pass).</summary>
    public Dictionary<string, int> Scanned { get; } = [];

    public void ScanText(string kind, string where, string text) => ScanBytes(kind, where, Encoding.UTF8.GetBytes(text));

    public void ScanBytes(string kind, string where, ReadOnlySpan<byte> content)
    {
        Scanned[kind] = Scanned.GetValueOrDefault(kind) + 1;
        foreach (var (name, needle) in _needles)
        {
            var at = content.IndexOf(needle);
            if (at < 0)
                continue;
            var from = Math.Max(0, at - 80);
            var context = Encoding.UTF8.GetString(content[from..Math.Min(content.Length, at + needle.Length + 80)]);
            _hits.Add($"{name} in {kind} {where} at byte {at}: …{context}…");
        }
    }

    /// <summary>Every file under <paramref name="folder"/> except the folders named, read as raw bytes while the app may still write them.</summary>
    public void ScanFolder(string kind, string folder, params string[] skipFolders)
    {
        var skipped = skipFolders.Select(f => Path.GetFullPath(f) + Path.DirectorySeparatorChar).ToList();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            if (skipped.Any(s => Path.GetFullPath(file).StartsWith(s, StringComparison.Ordinal)))
                continue;
            byte[] bytes;
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                continue; // removed since listed (a RocksDB compaction, a spool file delivered): nothing left to leak
            }
            ScanBytes(kind, Path.GetRelativePath(folder, file), bytes);
        }
    }

    /// <summary>For a secret that starts 0, 1 or 2 bytes into a 3-byte group: the base64 characters made of its bytes only.</summary>
    public static IEnumerable<(int Alignment, string Form)> Base64Forms(byte[] secret)
    {
        for (var alignment = 0; alignment < 3; alignment++)
        {
            var encoded = Convert.ToBase64String([.. new byte[alignment], .. secret]);
            var first = (8 * alignment + 5) / 6;          // the first character whose 6 bits all come from the secret
            var end = 8 * (alignment + secret.Length) / 6; // one past the last such character
            if (end - first >= 6)
                yield return (alignment, encoded[first..end]);
        }
    }
}
