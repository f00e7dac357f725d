using System.Globalization;
using DeliveryConsole.Catalog;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace DeliveryConsole.Web.Components.Pages.Delivery.Detail;

public partial class DeliveryChart
{
    /// <summary>A line with more points than this is neither readable nor cheap to draw: objects are sampled down.</summary>
    public const int MaxPoints = 200;

    [Parameter, EditorRequired] public string TaskName { get; set; } = "";

    /// <summary>Changes when the task committed something new.</summary>
    [Parameter] public long Revision { get; set; }

    /// <summary>The task's freshness now, in the words of the counter above the chart.</summary>
    [Parameter, EditorRequired] public string Freshness { get; set; } = "";

    [Inject] private IDbContextFactory<CatalogDb> Catalog { get; set; } = default!;

    private long? _loadedRevision;
    private IReadOnlyList<ChartPoint> _points = [];
    private List<TimeChart.TimePoint> _rows = [];
    private List<TimeChart.TimePoint> _freshness = [];
    private string _summary = "";

    /// <summary>
    /// One data object: when it was written, the rows delivered by then, and the task's freshness at that moment
    /// (its write time minus the current sync time saved with it: the counter's definition, then).
    /// </summary>
    public sealed record ChartPoint(DateTimeOffset WrittenAt, long CumulativeRows, double FreshnessSeconds);

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedRevision == Revision)
            return;
        _loadedRevision = Revision;
        await using var db = await Catalog.CreateDbContextAsync();
        // Three numbers per object over the (TaskName, Id) index: 10,000 objects are a few hundred KB, read only
        // when the task committed something.
        var objects = await db.DeliveredObjects.AsNoTracking().Where(o => o.TaskName == TaskName).OrderBy(o => o.Id)
            .Select(o => new { o.Rows, o.WrittenAt, o.SyncTime }).ToListAsync();
        var points = new List<ChartPoint>(objects.Count);
        long rows = 0;
        foreach (var o in objects)
        {
            rows += o.Rows;
            var freshness = (o.WrittenAt - DateTimeOffset.FromUnixTimeMilliseconds(o.SyncTime)).TotalSeconds;
            points.Add(new ChartPoint(o.WrittenAt, rows, Math.Max(0, freshness)));
        }
        _points = Downsample(points, MaxPoints);
        _rows = [.. _points.Select(p => new TimeChart.TimePoint(p.WrittenAt, p.CumulativeRows))];
        _freshness = [.. _points.Select(p => new TimeChart.TimePoint(p.WrittenAt, p.FreshnessSeconds))];
        _summary = points.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
            $"{points.Count:N0} data objects{(points.Count > _points.Count ? $" (drawn as {_points.Count} points)" : "")}, " +
            $"{rows:N0} rows; freshness when written: median {Median(points):F1} s, newest object {points[^1].FreshnessSeconds:F1} s. " +
            $"Each point is one data object at the time it was written; times in UTC.");
    }

    /// <summary>
    /// At most <paramref name="max"/> points, evenly spaced over the objects, always keeping the first and the
    /// newest (cumulative rows stay exact at every kept point).
    /// </summary>
    public static IReadOnlyList<ChartPoint> Downsample(IReadOnlyList<ChartPoint> points, int max)
    {
        if (points.Count <= max)
            return points;
        var kept = new List<ChartPoint>(max);
        for (var i = 0; i < max; i++)
            kept.Add(points[(int)((long)i * (points.Count - 1) / (max - 1))]);
        return kept;
    }

    private static double Median(List<ChartPoint> points)
    {
        var sorted = points.Select(p => p.FreshnessSeconds).Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
