using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeliveryConsole.Catalog.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeliveryTasks",
                columns: table => new
                {
                    TaskName = table.Column<string>(type: "TEXT", nullable: false),
                    TableName = table.Column<string>(type: "TEXT", nullable: false),
                    TaskType = table.Column<string>(type: "TEXT", nullable: false),
                    RequestJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", nullable: false),
                    SnapshotSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    SnapshotTime = table.Column<long>(type: "INTEGER", nullable: false),
                    SnapshotRowsTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    SnapshotRowsScanned = table.Column<long>(type: "INTEGER", nullable: false),
                    FullResumeOrdinal = table.Column<long>(type: "INTEGER", nullable: false),
                    FullResumeKey = table.Column<byte[]>(type: "BLOB", nullable: true),
                    ChangeResumeSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    CurrentSyncTime = table.Column<long>(type: "INTEGER", nullable: false),
                    RowsDelivered = table.Column<long>(type: "INTEGER", nullable: false),
                    ObjectsWritten = table.Column<long>(type: "INTEGER", nullable: false),
                    BytesWritten = table.Column<long>(type: "INTEGER", nullable: false),
                    DirtyCells = table.Column<long>(type: "INTEGER", nullable: false),
                    LastFlushTime = table.Column<long>(type: "INTEGER", nullable: true),
                    Finished = table.Column<bool>(type: "INTEGER", nullable: false),
                    ErrorCode = table.Column<string>(type: "TEXT", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", nullable: false),
                    LastErrorTime = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", nullable: true),
                    RetryAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryTasks", x => x.TaskName);
                });

            migrationBuilder.CreateTable(
                name: "DeliveredObjects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskName = table.Column<string>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", nullable: false),
                    SequenceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", nullable: false),
                    FirstPosition = table.Column<long>(type: "INTEGER", nullable: false),
                    LastPosition = table.Column<long>(type: "INTEGER", nullable: false),
                    Rows = table.Column<long>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    MinPartitionTime = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxPartitionTime = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstCommitTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastCommitTime = table.Column<long>(type: "INTEGER", nullable: false),
                    WrittenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DirtyKey = table.Column<string>(type: "TEXT", nullable: true),
                    DirtyPrefix = table.Column<string>(type: "TEXT", nullable: true),
                    DirtySequenceId = table.Column<long>(type: "INTEGER", nullable: false),
                    DirtyBytes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveredObjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliveredObjects_DeliveryTasks_TaskName",
                        column: x => x.TaskName,
                        principalTable: "DeliveryTasks",
                        principalColumn: "TaskName",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirtyCounts",
                columns: table => new
                {
                    TaskName = table.Column<string>(type: "TEXT", nullable: false),
                    ColumnName = table.Column<string>(type: "TEXT", nullable: false),
                    ActualType = table.Column<string>(type: "TEXT", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirtyCounts", x => new { x.TaskName, x.ColumnName, x.ActualType });
                    table.ForeignKey(
                        name: "FK_DirtyCounts_DeliveryTasks_TaskName",
                        column: x => x.TaskName,
                        principalTable: "DeliveryTasks",
                        principalColumn: "TaskName",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirtyRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskName = table.Column<string>(type: "TEXT", nullable: false),
                    PrimaryKey = table.Column<string>(type: "TEXT", nullable: false),
                    ColumnName = table.Column<string>(type: "TEXT", nullable: false),
                    ExpectedType = table.Column<string>(type: "TEXT", nullable: false),
                    ActualType = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<long>(type: "INTEGER", nullable: false),
                    Time = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirtyRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirtyRecords_DeliveryTasks_TaskName",
                        column: x => x.TaskName,
                        principalTable: "DeliveryTasks",
                        principalColumn: "TaskName",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Intents",
                columns: table => new
                {
                    TaskName = table.Column<string>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", nullable: false),
                    SequenceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", nullable: false),
                    FirstPosition = table.Column<long>(type: "INTEGER", nullable: false),
                    LastPosition = table.Column<long>(type: "INTEGER", nullable: false),
                    Rows = table.Column<long>(type: "INTEGER", nullable: false),
                    DirtyKey = table.Column<string>(type: "TEXT", nullable: true),
                    DirtyPrefix = table.Column<string>(type: "TEXT", nullable: true),
                    DirtySequenceId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Intents", x => new { x.TaskName, x.Key });
                    table.ForeignKey(
                        name: "FK_Intents_DeliveryTasks_TaskName",
                        column: x => x.TaskName,
                        principalTable: "DeliveryTasks",
                        principalColumn: "TaskName",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Partitions",
                columns: table => new
                {
                    TaskName = table.Column<string>(type: "TEXT", nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", nullable: false),
                    NextSequenceId = table.Column<long>(type: "INTEGER", nullable: false),
                    FullDeliveredThrough = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangeDeliveredThrough = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Partitions", x => new { x.TaskName, x.Prefix });
                    table.ForeignKey(
                        name: "FK_Partitions_DeliveryTasks_TaskName",
                        column: x => x.TaskName,
                        principalTable: "DeliveryTasks",
                        principalColumn: "TaskName",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaskEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskName = table.Column<string>(type: "TEXT", nullable: false),
                    Time = table.Column<long>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskEvents_DeliveryTasks_TaskName",
                        column: x => x.TaskName,
                        principalTable: "DeliveryTasks",
                        principalColumn: "TaskName",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveredObjects_TaskName_Id",
                table: "DeliveredObjects",
                columns: new[] { "TaskName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveredObjects_TaskName_Key",
                table: "DeliveredObjects",
                columns: new[] { "TaskName", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryTasks_TableName",
                table: "DeliveryTasks",
                column: "TableName");

            migrationBuilder.CreateIndex(
                name: "IX_DirtyRecords_TaskName_Id",
                table: "DirtyRecords",
                columns: new[] { "TaskName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskEvents_TaskName_Id",
                table: "TaskEvents",
                columns: new[] { "TaskName", "Id" });

            // WAL: pages read while the engine commits. The mode is kept in the file, so once is enough; it cannot
            // be changed inside a transaction.
            migrationBuilder.Sql("PRAGMA journal_mode = 'wal';", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeliveredObjects");

            migrationBuilder.DropTable(
                name: "DirtyCounts");

            migrationBuilder.DropTable(
                name: "DirtyRecords");

            migrationBuilder.DropTable(
                name: "Intents");

            migrationBuilder.DropTable(
                name: "Partitions");

            migrationBuilder.DropTable(
                name: "TaskEvents");

            migrationBuilder.DropTable(
                name: "DeliveryTasks");
        }
    }
}
