using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Rules;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DeliveryConsole.Web.Components.Pages.Tables;

/// <summary>
/// The "Create table" dialog. Every message comes from the table store's own rules (<see cref="SchemaRules"/>) or
/// from <see cref="TableService.CreateTable"/> itself, so the dialog accepts exactly what the service accepts.
/// Closes with the new table's name.
/// </summary>
public partial class CreateTableDialog
{
    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private TableService Store { get; set; } = default!;

    private string _name = "";
    private bool _nameTouched;
    private readonly List<KeyDraft> _keys = [new()];
    private readonly List<ColumnDraft> _columns = [];
    private int _timeToLive = -1;
    private int _maxVersions = 1;
    // After a Create attempt every field shows its message, typed in or not.
    private bool _submitted;
    private string? _serviceError;

    private sealed class KeyDraft
    {
        public string Name { get; set; } = "";
        public PrimaryKeyType Type { get; set; } = PrimaryKeyType.String;
        public bool AutoIncrement { get; set; }
        public bool Touched { get; set; }
    }

    private sealed class ColumnDraft
    {
        public string Name { get; set; } = "";
        public ColumnType Type { get; set; } = ColumnType.String;
        public bool Touched { get; set; }
    }

    private string? NameError => _nameTouched || _submitted ? SchemaRules.CheckName(_name, "Table name") : null;

    private string? KeyNameError(KeyDraft key) =>
        key.Touched || _submitted ? SchemaRules.CheckName(key.Name, "Primary key column name") : null;

    private string? ColumnNameError(ColumnDraft column) =>
        column.Touched || _submitted ? SchemaRules.CheckName(column.Name, "Defined column name") : null;

    // Whole-key rules (repeated names, auto increment) once every key column has a valid name.
    private string? KeyError => _keys.All(k => SchemaRules.CheckName(k.Name, "") is null)
        ? RuleError(() => SchemaRules.CheckPrimaryKey(PrimaryKey()))
        : null;

    private string? ColumnsError => KeyError is null && _columns.All(c => SchemaRules.CheckName(c.Name, "") is null)
        ? RuleError(() => SchemaRules.CheckDefinedColumns(DefinedColumns(), PrimaryKey()))
        : null;

    private string? TimeToLiveError => RuleError(() => SchemaRules.CheckOptions(new TableOptions(TimeToLive: _timeToLive)));

    private string? MaxVersionsError => RuleError(() => SchemaRules.CheckOptions(new TableOptions(MaxVersions: _maxVersions)));

    private bool HasErrors => SchemaRules.CheckName(_name, "") is not null
        || _keys.Any(k => SchemaRules.CheckName(k.Name, "") is not null)
        || _columns.Any(c => SchemaRules.CheckName(c.Name, "") is not null)
        || KeyError is not null || ColumnsError is not null || TimeToLiveError is not null || MaxVersionsError is not null;

    /// <summary>Auto increment is only for an INTEGER column after the first, and only one column may have it.</summary>
    private bool CanAutoIncrement(int index) =>
        index > 0 && _keys[index].Type == PrimaryKeyType.Integer
        && !_keys.Where((key, i) => i != index && key.AutoIncrement).Any();

    private void NameChanged(string name) => (_name, _nameTouched, _serviceError) = (name ?? "", true, null);

    private void KeyNameChanged(KeyDraft key, string name) => (key.Name, key.Touched) = (name ?? "", true);

    private void ColumnNameChanged(ColumnDraft column, string name) => (column.Name, column.Touched) = (name ?? "", true);

    private void KeyTypeChanged(KeyDraft key, PrimaryKeyType type)
    {
        key.Type = type;
        if (type != PrimaryKeyType.Integer)
            key.AutoIncrement = false;
    }

    private void AddKey() => _keys.Add(new KeyDraft());

    private void RemoveKey(int index)
    {
        _keys.RemoveAt(index);
        // The column that became the partition key cannot stay auto increment.
        _keys[0].AutoIncrement = false;
    }

    private void AddColumn() => _columns.Add(new ColumnDraft());

    private List<PrimaryKeyColumn> PrimaryKey() => [.. _keys.Select(k => new PrimaryKeyColumn(k.Name, k.Type, k.AutoIncrement))];

    private List<DefinedColumn> DefinedColumns() => [.. _columns.Select(c => new DefinedColumn(c.Name, c.Type))];

    private void Create()
    {
        _submitted = true;
        _serviceError = null;
        if (HasErrors)
            return;
        try
        {
            Store.CreateTable(_name, PrimaryKey(), DefinedColumns(), new TableOptions(_timeToLive, _maxVersions));
            Dialog.Close(DialogResult.Ok(_name));
        }
        catch (TableStoreException e)
        {
            _serviceError = e.Message;
        }
    }

    private static string? RuleError(Action check)
    {
        try
        {
            check();
            return null;
        }
        catch (TableStoreException e)
        {
            return e.Message;
        }
    }
}
