using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeliveryConsole.Catalog.Migrations
{
    /// <summary>
    /// Config versions (UpdateDeliveryTask): every task's versions with their times, the version a task maps rows
    /// with, and the version each intent and delivered object was written with. A task that exists already was
    /// created with version 1, in effect from its creation, and everything it wrote is of version 1.
    /// </summary>
    public partial class ConfigVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ConfigVersion",
                table: "Intents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "ConfigVersion",
                table: "DeliveryTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "ConfigVersion",
                table: "DeliveredObjects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "TaskConfigVersions",
                columns: table => new
                {
                    TaskName = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestJson = table.Column<string>(type: "TEXT", nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EffectiveAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskConfigVersions", x => new { x.TaskName, x.Version });
                    table.ForeignKey(
                        name: "FK_TaskConfigVersions_DeliveryTasks_TaskName",
                        column: x => x.TaskName,
                        principalTable: "DeliveryTasks",
                        principalColumn: "TaskName",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.Sql(
                "INSERT INTO TaskConfigVersions (TaskName, Version, RequestJson, SavedAt, EffectiveAt) " +
                "SELECT TaskName, 1, RequestJson, CreatedAt, CreatedAt FROM DeliveryTasks;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TaskConfigVersions");

            migrationBuilder.DropColumn(
                name: "ConfigVersion",
                table: "Intents");

            migrationBuilder.DropColumn(
                name: "ConfigVersion",
                table: "DeliveryTasks");

            migrationBuilder.DropColumn(
                name: "ConfigVersion",
                table: "DeliveredObjects");
        }
    }
}
