using System.Text;
using DeliveryConsole.TableStore;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Web.TableTools;

/// <summary>What an import wrote: rows written, rows the store refused (with why), and why it stopped early, if it did.</summary>
public sealed record ImportOutcome(long Written, IReadOnlyList<ImportError> Refused, string? StoppedBecause);

/// <summary>
/// Writes parsed rows with BatchWriteRow: up to 200 rows and well under 4 MiB per request, in input order. A key
/// that comes again starts a new request (one request may not name a row twice), so the later row wins as it
/// would row by row. Each row succeeds or fails on its own; a table that was deleted (or a request refused as a
/// whole) stops the import, with every row before it written.
/// </summary>
public static class ImportWriter
{
    // Below the store's 4 MiB so this estimate (UTF-8 names, value sizes, 8 per cell) can never be the one over it.
    private const long BatchBytes = RowWriter.MaxBatchBytes / 2;

    public static ImportOutcome Write(RowWriter writer, string tableName, IReadOnlyList<ImportedRow> rows,
        CancellationToken cancellation)
    {
        var written = 0L;
        var refused = new List<ImportError>();
        var batch = new List<ImportedRow>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var bytes = 0L;
        try
        {
            foreach (var row in rows)
            {
                cancellation.ThrowIfCancellationRequested();
                var size = Size(row.Write);
                var identity = Identity(row.Write.PrimaryKey);
                if (batch.Count == RowWriter.MaxBatchRows || (batch.Count > 0 && bytes + size > BatchBytes)
                    || (identity is not null && keys.Contains(identity)))
                {
                    written += Flush(writer, tableName, batch, refused);
                    (bytes, batch) = (0, []);
                    keys.Clear();
                }
                batch.Add(row);
                bytes += size;
                if (identity is not null)
                    keys.Add(identity);
            }
            if (batch.Count > 0)
                written += Flush(writer, tableName, batch, refused);
            return new ImportOutcome(written, refused, null);
        }
        catch (TableStoreException e)
        {
            return new ImportOutcome(written, refused, e.Message);
        }
        catch (OperationCanceledException)
        {
            return new ImportOutcome(written, refused, "the import was cancelled");
        }
    }

    private static long Flush(RowWriter writer, string tableName, List<ImportedRow> batch, List<ImportError> refused)
    {
        // One row over the request size limit still fits a single PutRow.
        if (batch.Count == 1 && Size(batch[0].Write) > BatchBytes)
        {
            try
            {
                writer.WriteRow(tableName, batch[0].Write);
                return 1;
            }
            catch (TableStoreException e) when (e.Code == TableStoreError.ParameterInvalid)
            {
                refused.Add(new ImportError(batch[0].Line, null, e.Message));
                return 0;
            }
        }
        var results = writer.BatchWriteRow([(tableName, batch.Select(r => r.Write).ToList())])[0];
        var ok = 0L;
        for (var i = 0; i < results.Count; i++)
        {
            // A table that is gone refuses every row alike: stop with that one reason instead of listing each row.
            if (results[i].Error is { Code: TableStoreError.ObjectNotExist } gone)
                throw new TableStoreException(gone);
            if (results[i].Error is { } error)
                refused.Add(new ImportError(batch[i].Line, null, error.Message));
            else
                ok++;
        }
        return ok;
    }

    private static long Size(RowWrite write)
    {
        var size = 0L;
        foreach (var key in write.PrimaryKey)
            size += Encoding.UTF8.GetByteCount(key.Name) + (key.Value.IsPlaceholder ? 0 : key.Value.Size);
        foreach (var put in write.Puts)
            size += Encoding.UTF8.GetByteCount(put.Name) + put.Value.Size + 8;
        return size;
    }

    /// <summary>A text that is equal for equal keys; null for a key the store will assign (always a new row).</summary>
    private static string? Identity(IReadOnlyList<KeyColumn> key)
    {
        var text = new StringBuilder();
        foreach (var column in key)
        {
            if (column.Value.IsPlaceholder)
                return null;
            text.Append((int)column.Value.Kind).Append(':').Append(column.Value.ToString().Length).Append(':').Append(column.Value).Append('|');
        }
        return text.ToString();
    }
}
