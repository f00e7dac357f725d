using System.Globalization;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;
using DeliveryConsole.TableStore.Rules;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DeliveryConsole.Web.Components.Pages.Tables;

/// <summary>
/// The "Create table" dialog. Every message comes from the table store's own rules (<see cref="SchemaRules"/>) or
/// from <see cref="TableDefinitions.CreateTable"/> itself, so the dialog accepts exactly what the store accepts.
/// Closes with the new table's name.
/// </summary>
public partial class CreateTableDialog
{
    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private TableDefinitions Tables { get; set; } = default!;

    private string _name = "";
    private bool _nameTouched;
    private readonly List<KeyDraft> _keys = [new()];
    private readonly List<ColumnDraft> _columns = [];
    private int _timeToLive = -1;
    private int _maxVersions = 1;
    private string? _serviceError;

    // A field shows its message once typed in, or once Create was tried; a row added later starts quiet.
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

    // The messages name each field by its label ("Key name", "Column name"), in the table store's own rules.
    private string? NameRule => SchemaRules.CheckName(_name, "Table name")
        ?? (Tables.ListTable().Contains(_name, StringComparer.Ordinal) ? $"Table '{_name}' already exists." : null);

    private string? KeyRule(int index) => SchemaRules.CheckKeyColumn(PrimaryKey(), index, "Key");

    private string? ColumnRule(int index) => SchemaRules.CheckDefinedColumn(DefinedColumns(), index, PrimaryKey(), "Column");

    private string? NameError => _nameTouched ? NameRule : null;

    private string? KeyNameError(int index) => _keys[index].Touched ? KeyRule(index) : null;

    private string? ColumnNameError(int index) => _columns[index].Touched ? ColumnRule(index) : null;

    private string? TimeToLiveError => SchemaRules.CheckTimeToLive(_timeToLive, "Time to live");

    private string? MaxVersionsError => SchemaRules.CheckMaxVersions(_maxVersions, "Max versions");

    private bool HasErrors => NameRule is not null
        || Enumerable.Range(0, _keys.Count).Any(i => KeyRule(i) is not null)
        || Enumerable.Range(0, _columns.Count).Any(i => ColumnRule(i) is not null)
        || TimeToLiveError is not null || MaxVersionsError is not null;

    /// <summary>How a row's buttons name it: by its name, or by its place while it has none.</summary>
    private static string Which(string name, int index) => name.Length > 0 ? name : (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string MoveLabel(string name, int index, string direction) =>
        $"Move {(name.Length > 0 ? name : $"key column {index + 1}")} {direction}";

    /// <summary>Auto increment is only for an INTEGER column after the first, and only one column may have it.</summary>
    private bool CanAutoIncrement(int index) =>
        index > 0 && _keys[index].Type == PrimaryKeyType.Integer
        && !_keys.Where((key, i) => i != index && key.AutoIncrement).Any();

    private void NameChanged(string name) => (_name, _nameTouched, _serviceError) = (name ?? "", true, null);

    private static void KeyNameChanged(KeyDraft key, string name) => (key.Name, key.Touched) = (name ?? "", true);

    private static void ColumnNameChanged(ColumnDraft column, string name) => (column.Name, column.Touched) = (name ?? "", true);

    private static void KeyTypeChanged(KeyDraft key, PrimaryKeyType type)
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

    private void MoveKey(int index, int by)
    {
        (_keys[index], _keys[index + by]) = (_keys[index + by], _keys[index]);
        _keys[0].AutoIncrement = false;
    }

    private void AddColumn() => _columns.Add(new ColumnDraft());

    private List<PrimaryKeyColumn> PrimaryKey() => [.. _keys.Select(k => new PrimaryKeyColumn(k.Name, k.Type, k.AutoIncrement))];

    private List<DefinedColumn> DefinedColumns() => [.. _columns.Select(c => new DefinedColumn(c.Name, c.Type))];

    private void Create()
    {
        _nameTouched = true;
        foreach (var key in _keys)
            key.Touched = true;
        foreach (var column in _columns)
            column.Touched = true;
        _serviceError = null;
        if (HasErrors)
            return;
        try
        {
            Tables.CreateTable(_name, PrimaryKey(), DefinedColumns(), new TableOptions(_timeToLive, _maxVersions));
            Dialog.Close(DialogResult.Ok(_name));
        }
        catch (TableStoreException e)
        {
            _serviceError = e.Message;
        }
    }
}
