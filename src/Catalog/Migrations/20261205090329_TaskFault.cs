using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeliveryConsole.Catalog.Migrations
{
    /// <inheritdoc />
    public partial class TaskFault : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Fault",
                table: "DeliveryTasks",
                type: "TEXT",
                nullable: false,
                // Tasks saved before: no fault recorded (the enum's name, as every enum column stores it).
                defaultValue: "None");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Fault",
                table: "DeliveryTasks");
        }
    }
}
