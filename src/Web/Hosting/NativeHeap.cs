using System.Runtime.InteropServices;

namespace DeliveryConsole.Web.Hosting;

/// <summary>
/// Keeps glibc's malloc from holding on to the table store's freed memory. RocksDB allocates its memtables in blocks
/// of a few MB and frees them at every flush. glibc serves blocks that large with mmap and returns them on free, but
/// after the first such free it raises its mmap threshold to the block size (up to 32 MB), so later blocks come from
/// the heap, where freed memory fragments and stays resident: under a steady write load the console grew by ~25 MB a
/// minute with every managed and RocksDB figure flat (docs/benchmarks.md, "Load"). A fixed threshold turns that
/// adjustment off (<c>mallopt(M_MMAP_THRESHOLD)</c>, the same as <c>MALLOC_MMAP_THRESHOLD_=131072</c>).
/// </summary>
public static class NativeHeap
{
    private const int MmapThresholdParameter = -3; // M_MMAP_THRESHOLD in glibc's malloc.h
    private const int MmapThresholdBytes = 128 * 1024; // glibc's own starting value

    /// <summary>Fixes the threshold on glibc Linux before the store allocates; elsewhere (musl, macOS, Windows) does nothing.</summary>
    public static void FixMmapThreshold()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is not null)
            return;
        try
        {
            MallOpt(MmapThresholdParameter, MmapThresholdBytes);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc: its allocator has no such adjustment to turn off.
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int MallOpt(int parameter, int value);
}
