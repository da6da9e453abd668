using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HscpPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ActionsAndEscalations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DailyDigestOptOut",
                table: "People",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "WeeklySummaryOptOut",
                table: "People",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ClosureReason",
                table: "Actions",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CompletedOn",
                table: "Actions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompletionEvidence",
                table: "Actions",
                type: "nvarchar(max)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CompletionRequestedAt",
                table: "Actions",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompletionRequestedBy",
                table: "Actions",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EscalationId",
                table: "Actions",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OriginalDueDate",
                table: "Actions",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Existing actions were never revised: their original due date is their due date.
            migrationBuilder.Sql("UPDATE [Actions] SET [OriginalDueDate] = [DueDate]");

            migrationBuilder.AddColumn<int>(
                name: "PriorityId",
                table: "Actions",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SignedOffAt",
                table: "Actions",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedOffBy",
                table: "Actions",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceReference",
                table: "Actions",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionUpdates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ActionItemId = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    StatusBefore = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    StatusAfter = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    DueDateBefore = table.Column<DateOnly>(type: "date", nullable: true),
                    DueDateAfter = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionUpdates_Actions_ActionItemId",
                        column: x => x.ActionItemId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BankHolidays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Bunting = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankHolidays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Reference = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RaisingOrganisationId = table.Column<int>(type: "int", nullable: false),
                    RaiserRole = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ConcernedOrganisationId = table.Column<int>(type: "int", nullable: false),
                    Category = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    CaseReference = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    CurrentStage = table.Column<int>(type: "int", nullable: false),
                    ResolvedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ResolvedAtStage = table.Column<int>(type: "int", nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    ImpactForChild = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    Learning = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ArchivedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Escalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Escalations_Organisations_ConcernedOrganisationId",
                        column: x => x.ConcernedOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Escalations_Organisations_RaisingOrganisationId",
                        column: x => x.RaisingOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Priorities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    FromYear = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    ToYear = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: true),
                    LeadGroupId = table.Column<int>(type: "int", nullable: true),
                    Order = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ArchivedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Priorities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Priorities_Groups_LeadGroupId",
                        column: x => x.LeadGroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReminderDeliveries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ForDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PersonId = table.Column<int>(type: "int", nullable: false),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SentAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ItemCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReminderDeliveries_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReminderRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ForDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ClaimedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Sent = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EscalationStages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EscalationId = table.Column<int>(type: "int", nullable: false),
                    Stage = table.Column<int>(type: "int", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationStages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EscalationStages_Escalations_EscalationId",
                        column: x => x.EscalationId,
                        principalTable: "Escalations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_EscalationId",
                table: "Actions",
                column: "EscalationId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_PriorityId",
                table: "Actions",
                column: "PriorityId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionUpdates_Action_At",
                table: "ActionUpdates",
                columns: new[] { "ActionItemId", "At" });

            migrationBuilder.CreateIndex(
                name: "UX_BankHolidays_Date",
                table: "BankHolidays",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_ConcernedOrganisationId",
                table: "Escalations",
                column: "ConcernedOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_RaisedOn",
                table: "Escalations",
                column: "RaisedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_RaisingOrganisationId",
                table: "Escalations",
                column: "RaisingOrganisationId");

            migrationBuilder.CreateIndex(
                name: "UX_Escalations_Reference",
                table: "Escalations",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UX_EscalationStages_Escalation_Stage",
                table: "EscalationStages",
                columns: new[] { "EscalationId", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Priorities_LeadGroupId",
                table: "Priorities",
                column: "LeadGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_PersonId",
                table: "ReminderDeliveries",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "UX_ReminderDeliveries_Kind_Date_Person",
                table: "ReminderDeliveries",
                columns: new[] { "Kind", "ForDate", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UX_ReminderRuns_Kind_Date",
                table: "ReminderRuns",
                columns: new[] { "Kind", "ForDate" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Actions_Escalations_EscalationId",
                table: "Actions",
                column: "EscalationId",
                principalTable: "Escalations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Actions_Priorities_PriorityId",
                table: "Actions",
                column: "PriorityId",
                principalTable: "Priorities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Actions_Escalations_EscalationId",
                table: "Actions");

            migrationBuilder.DropForeignKey(
                name: "FK_Actions_Priorities_PriorityId",
                table: "Actions");

            migrationBuilder.DropTable(
                name: "ActionUpdates");

            migrationBuilder.DropTable(
                name: "BankHolidays");

            migrationBuilder.DropTable(
                name: "EscalationStages");

            migrationBuilder.DropTable(
                name: "Priorities");

            migrationBuilder.DropTable(
                name: "ReminderDeliveries");

            migrationBuilder.DropTable(
                name: "ReminderRuns");

            migrationBuilder.DropTable(
                name: "Escalations");

            migrationBuilder.DropIndex(
                name: "IX_Actions_EscalationId",
                table: "Actions");

            migrationBuilder.DropIndex(
                name: "IX_Actions_PriorityId",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "DailyDigestOptOut",
                table: "People");

            migrationBuilder.DropColumn(
                name: "WeeklySummaryOptOut",
                table: "People");

            migrationBuilder.DropColumn(
                name: "ClosureReason",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "CompletedOn",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "CompletionEvidence",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "CompletionRequestedAt",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "CompletionRequestedBy",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "EscalationId",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "OriginalDueDate",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "PriorityId",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "SignedOffAt",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "SignedOffBy",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "SourceReference",
                table: "Actions");
        }
    }
}
