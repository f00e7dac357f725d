namespace DeliveryConsole.Web.Components.Pages.Delivery.Detail;

/// <summary>
/// Newest-first paging by id ("the rows before this id"), which an index on (TaskName, Id) answers directly at
/// any depth, and which keeps a page's rows still while new rows arrive on top. Remembers where each page
/// visited so far starts, so "Previous page" returns to exactly the rows it showed.
/// </summary>
public sealed class KeysetPaging
{
    private readonly List<long?> _starts = [null];

    /// <summary>0-based.</summary>
    public int Page { get; private set; }

    /// <summary>The current page shows rows with ids below this; null on the first page.</summary>
    public long? Before => _starts[Page];

    /// <param name="lastIdShown">The smallest id on the current page, where the next page starts.</param>
    public void MoveTo(int page, long? lastIdShown)
    {
        if (page == Page + 1 && lastIdShown is not null)
        {
            if (_starts.Count == page)
                _starts.Add(lastIdShown);
            else
                _starts[page] = lastIdShown;
            Page = page;
        }
        else if (page >= 0 && page < Page)
        {
            Page = page;
        }
    }

    /// <summary>Back to the newest rows (a filter changed).</summary>
    public void Reset()
    {
        _starts.RemoveRange(1, _starts.Count - 1);
        Page = 0;
    }
}
