using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.Components.Pages.Tables.Rows;

/// <summary>
/// A table's rows, a page at a time with GetRange. Going forward pushes the page's start key on a stack, going
/// back pops it, so paging never counts or skips rows. Jumping to a key also pushes, so "Previous page" returns
/// to where the user was.
/// </summary>
public sealed class RowPages
{
    public static readonly IReadOnlyList<int> PageSizes = [20, 50, 100];

    private readonly LiveRows _rows;
    private readonly TableMeta _table;
    private readonly Stack<IReadOnlyList<KeyColumn>> _previousStarts = new();
    private IReadOnlyList<KeyColumn> _start;

    public RowPages(LiveRows rows, TableMeta table)
    {
        (_rows, _table) = (rows, table);
        _start = Bound(Value.InfMin);
        Load();
    }

    public int PageSize { get; private set; } = PageSizes[0];

    /// <summary>The rows shown; null when the read failed (<see cref="Error"/> says why).</summary>
    public GetRangeResult? Page { get; private set; }

    public string? Error { get; private set; }

    public bool HasPrevious => _previousStarts.Count > 0;

    public bool HasNext => Page?.NextStartPrimaryKey is not null;

    /// <summary>Reads the current page again, e.g. after a row was written.</summary>
    public void Load()
    {
        try
        {
            Page = _rows.GetRange(new GetRangeRequest(_table.Name, TableStore.Model.Direction.Forward, _start, Bound(Value.InfMax), PageSize));
            Error = null;
        }
        catch (TableStoreException e)
        {
            (Page, Error) = (null, e.Message);
            return;
        }
        // The last rows of a later page were deleted: show the page before it rather than an empty one.
        if (Page.Rows.Count == 0 && _previousStarts.Count > 0)
        {
            _start = _previousStarts.Pop();
            Load();
        }
    }

    public void Next()
    {
        if (Page?.NextStartPrimaryKey is not { } next)
            return;
        _previousStarts.Push(_start);
        _start = next;
        Load();
    }

    public void Previous()
    {
        if (_previousStarts.Count == 0)
            return;
        _start = _previousStarts.Pop();
        Load();
    }

    /// <summary>A new page size starts again from the first row.</summary>
    public void Resize(int size)
    {
        PageSize = size;
        _previousStarts.Clear();
        _start = Bound(Value.InfMin);
        Load();
    }

    public void JumpTo(IReadOnlyList<KeyColumn> start)
    {
        _previousStarts.Push(_start);
        _start = start;
        Load();
    }

    private List<KeyColumn> Bound(Value value) => [.. _table.PrimaryKey.Select(k => new KeyColumn(k.Name, value))];
}
