using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeliveryConsole.Catalog.Migrations
{
    /// <summary>
    /// Counts the dirty-data (JSON Lines) objects and their bytes apart from the Parquet data objects, which the
    /// task's counters had added together; keeps each object's sync time for the freshness chart.
    /// </summary>
    public partial class DirtyObjectCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DirtyBytesWritten",
                table: "DeliveryTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "DirtyObjectsWritten",
                table: "DeliveryTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "SyncTime",
                table: "DeliveredObjects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Every delivered object stays in the catalog while its task exists: the counters split exactly. An
            // older object's sync time was not kept; its newest commit time is the nearest known.
            migrationBuilder.Sql("""
                UPDATE DeliveryTasks SET
                    ObjectsWritten = (SELECT COUNT(*) FROM DeliveredObjects o WHERE o.TaskName = DeliveryTasks.TaskName),
                    BytesWritten = (SELECT COALESCE(SUM(o.Bytes), 0) FROM DeliveredObjects o WHERE o.TaskName = DeliveryTasks.TaskName),
                    DirtyObjectsWritten = (SELECT COUNT(*) FROM DeliveredObjects o WHERE o.TaskName = DeliveryTasks.TaskName AND o.DirtyKey IS NOT NULL),
                    DirtyBytesWritten = (SELECT COALESCE(SUM(o.DirtyBytes), 0) FROM DeliveredObjects o WHERE o.TaskName = DeliveryTasks.TaskName);
                """);
            migrationBuilder.Sql("UPDATE DeliveredObjects SET SyncTime = LastCommitTime;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "UPDATE DeliveryTasks SET ObjectsWritten = ObjectsWritten + DirtyObjectsWritten, BytesWritten = BytesWritten + DirtyBytesWritten;");

            migrationBuilder.DropColumn(
                name: "DirtyBytesWritten",
                table: "DeliveryTasks");

            migrationBuilder.DropColumn(
                name: "DirtyObjectsWritten",
                table: "DeliveryTasks");

            migrationBuilder.DropColumn(
                name: "SyncTime",
                table: "DeliveredObjects");
        }
    }
}
