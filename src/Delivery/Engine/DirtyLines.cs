using System.Text.Json;

namespace DeliveryConsole.Delivery.Engine;

/// <summary>
/// Dirty-cell records as JSON Lines, the content of the objects delivered under a task's ossDirtyPrefix: one
/// object per line with the task, the row's primary key, the column, the expected and actual types, the value
/// (cut to 1 KiB), the phase and position of the row and its time.
/// </summary>
internal static class DirtyLines
{
    public static MemoryStream Write(string taskName, IEnumerable<DirtyRecord> records)
    {
        var output = new MemoryStream();
        var options = new JsonWriterOptions { SkipValidation = true };
        foreach (var record in records)
        {
            using (var writer = new Utf8JsonWriter(output, options))
            {
                writer.WriteStartObject();
                writer.WriteString("task", taskName);
                writer.WritePropertyName("primaryKey");
                writer.WriteRawValue(record.PrimaryKey, skipInputValidation: true);
                writer.WriteString("column", record.ColumnName);
                writer.WriteString("expectedType", record.ExpectedType);
                writer.WriteString("actualType", record.ActualType);
                writer.WriteString("value", record.Value);
                writer.WriteString("phase", record.Phase.WireName());
                writer.WriteNumber("position", record.Position);
                writer.WriteString("time", record.Time.UtcDateTime.ToString("O"));
                writer.WriteEndObject();
            }
            output.WriteByte((byte)'\n');
        }
        output.Position = 0;
        return output;
    }
}
