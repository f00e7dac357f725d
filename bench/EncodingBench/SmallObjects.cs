using System.Diagnostics;

namespace DeliveryConsole.EncodingBench;

/// <summary>
/// The fixed cost of one object: an INC task with a short flush interval writes many small objects, where the
/// writer's set-up (for ParquetSharp: the native writer, its schema and properties) weighs more than the values.
/// </summary>
internal static class SmallObjects
{
    public const int Rows = 100;

    /// <summary>Median microseconds per object over <paramref name="objects"/> objects of <see cref="Rows"/> rows.</summary>
    public static double MicrosecondsPerObject(Workload data, ColumnKind kind, Variant variant, int objects)
    {
        var small = data.Take(Rows);
        var output = new MemoryStream();
        var watch = new Stopwatch();
        var samples = new double[objects];
        for (var i = 0; i < objects; i++)
        {
            output.SetLength(0);
            watch.Restart();
            Writers.Write(small, kind, variant, output);
            samples[i] = watch.Elapsed.TotalMicroseconds;
        }
        Array.Sort(samples);
        return samples[objects / 2];
    }
}
