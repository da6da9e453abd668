using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HscpPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ScrutinyPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PlanItemId",
                table: "ScrutinyActivities",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ScrutinyRecommendationId",
                table: "Actions",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ScrutinyPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StartYear = table.Column<int>(type: "int", nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
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
                    table.PrimaryKey("PK_ScrutinyPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScrutinyRecommendations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    MadeOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ActivityId = table.Column<int>(type: "int", nullable: true),
                    OrganisationId = table.Column<int>(type: "int", nullable: true),
                    Response = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    ResponseText = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    RespondedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RespondedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
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
                    table.PrimaryKey("PK_ScrutinyRecommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScrutinyRecommendations_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScrutinyRecommendations_ScrutinyActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "ScrutinyActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScrutinyPlanApprovals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlanId = table.Column<int>(type: "int", nullable: false),
                    OrganisationId = table.Column<int>(type: "int", nullable: false),
                    PersonId = table.Column<int>(type: "int", nullable: true),
                    ApproverName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ApproverRole = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Fingerprint = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    WithdrawnReason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScrutinyPlanApprovals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScrutinyPlanApprovals_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScrutinyPlanApprovals_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScrutinyPlanApprovals_ScrutinyPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ScrutinyPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScrutinyPlanItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlanId = table.Column<int>(type: "int", nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Quarter = table.Column<int>(type: "int", nullable: false),
                    PlannedMonth = table.Column<int>(type: "int", nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    OrganisationId = table.Column<int>(type: "int", nullable: true),
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
                    table.PrimaryKey("PK_ScrutinyPlanItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScrutinyPlanItems_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScrutinyPlanItems_ScrutinyPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ScrutinyPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScrutinyActivities_PlanItemId",
                table: "ScrutinyActivities",
                column: "PlanItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_ScrutinyRecommendationId",
                table: "Actions",
                column: "ScrutinyRecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_ScrutinyPlanApprovals_OrganisationId",
                table: "ScrutinyPlanApprovals",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ScrutinyPlanApprovals_PersonId",
                table: "ScrutinyPlanApprovals",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ScrutinyPlanApprovals_Plan_Organisation",
                table: "ScrutinyPlanApprovals",
                columns: new[] { "PlanId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_ScrutinyPlanItems_OrganisationId",
                table: "ScrutinyPlanItems",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ScrutinyPlanItems_PlanId",
                table: "ScrutinyPlanItems",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ScrutinyPlans_StartYear",
                table: "ScrutinyPlans",
                column: "StartYear");

            migrationBuilder.CreateIndex(
                name: "IX_ScrutinyRecommendations_ActivityId",
                table: "ScrutinyRecommendations",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_ScrutinyRecommendations_MadeOn",
                table: "ScrutinyRecommendations",
                column: "MadeOn");

            migrationBuilder.CreateIndex(
                name: "IX_ScrutinyRecommendations_Organisation_Response",
                table: "ScrutinyRecommendations",
                columns: new[] { "OrganisationId", "Response" });

            migrationBuilder.AddForeignKey(
                name: "FK_Actions_ScrutinyRecommendations_ScrutinyRecommendationId",
                table: "Actions",
                column: "ScrutinyRecommendationId",
                principalTable: "ScrutinyRecommendations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ScrutinyActivities_ScrutinyPlanItems_PlanItemId",
                table: "ScrutinyActivities",
                column: "PlanItemId",
                principalTable: "ScrutinyPlanItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Actions_ScrutinyRecommendations_ScrutinyRecommendationId",
                table: "Actions");

            migrationBuilder.DropForeignKey(
                name: "FK_ScrutinyActivities_ScrutinyPlanItems_PlanItemId",
                table: "ScrutinyActivities");

            migrationBuilder.DropTable(
                name: "ScrutinyPlanApprovals");

            migrationBuilder.DropTable(
                name: "ScrutinyPlanItems");

            migrationBuilder.DropTable(
                name: "ScrutinyRecommendations");

            migrationBuilder.DropTable(
                name: "ScrutinyPlans");

            migrationBuilder.DropIndex(
                name: "IX_ScrutinyActivities_PlanItemId",
                table: "ScrutinyActivities");

            migrationBuilder.DropIndex(
                name: "IX_Actions_ScrutinyRecommendationId",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "PlanItemId",
                table: "ScrutinyActivities");

            migrationBuilder.DropColumn(
                name: "ScrutinyRecommendationId",
                table: "Actions");
        }
    }
}
