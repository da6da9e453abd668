using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HscpPortal.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "WeeklySummaryOptOut",
                table: "People",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ClosureReason",
                table: "Actions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CompletedOn",
                table: "Actions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompletionEvidence",
                table: "Actions",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CompletionRequestedAt",
                table: "Actions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompletionRequestedBy",
                table: "Actions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EscalationId",
                table: "Actions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OriginalDueDate",
                table: "Actions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Existing actions were never revised: their original due date is their due date.
            migrationBuilder.Sql("UPDATE [Actions] SET [OriginalDueDate] = [DueDate]");

            migrationBuilder.AddColumn<int>(
                name: "PriorityId",
                table: "Actions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SignedOffAt",
                table: "Actions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedOffBy",
                table: "Actions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceReference",
                table: "Actions",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionUpdates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    StatusBefore = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StatusAfter = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DueDateBefore = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueDateAfter = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Bunting = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankHolidays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RaisingOrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    RaiserRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConcernedOrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    CurrentStage = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolvedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ResolvedAtStage = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ImpactForChild = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Learning = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ArchivedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    FromYear = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    ToYear = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    LeadGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ArchivedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ForDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ItemCount = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ForDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Sent = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EscalationStages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EscalationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
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
