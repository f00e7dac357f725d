namespace DeliveryConsole.Testing;

/// <summary>A fresh folder under the system temp folder, removed with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("console-test-").FullName;

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (DirectoryNotFoundException) { }
        catch (IOException e)
        {
            // Something still writes here: name it, so the test that left it open can be found.
            throw new IOException($"{e.Message}; still there: {string.Join(", ", Directory.EnumerateFileSystemEntries(Path, "*", SearchOption.AllDirectories))}", e);
        }
    }
}
