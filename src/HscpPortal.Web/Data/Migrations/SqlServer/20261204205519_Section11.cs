using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HscpPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Section11 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SelfAssessmentRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    CycleYear = table.Column<int>(type: "int", nullable: false),
                    Standards = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    RatingScale = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ActionFromLevel = table.Column<int>(type: "int", nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    GroupId = table.Column<int>(type: "int", nullable: false),
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
                    table.PrimaryKey("PK_SelfAssessmentRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfAssessmentRounds_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CheckChallengeSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ChairPersonId = table.Column<int>(type: "int", nullable: true),
                    Notes = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
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
                    table.PrimaryKey("PK_CheckChallengeSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckChallengeSessions_People_ChairPersonId",
                        column: x => x.ChairPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CheckChallengeSessions_SelfAssessmentRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SelfAssessmentRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelfAssessmentReturns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    OrganisationId = table.Column<int>(type: "int", nullable: false),
                    LeadPersonId = table.Column<int>(type: "int", nullable: false),
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
                    table.PrimaryKey("PK_SelfAssessmentReturns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfAssessmentReturns_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfAssessmentReturns_People_LeadPersonId",
                        column: x => x.LeadPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfAssessmentReturns_SelfAssessmentRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SelfAssessmentRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CheckChallengeAttendances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SessionId = table.Column<int>(type: "int", nullable: false),
                    OrganisationId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckChallengeAttendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckChallengeAttendances_CheckChallengeSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CheckChallengeSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CheckChallengeAttendances_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelfAssessmentAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReturnId = table.Column<int>(type: "int", nullable: false),
                    StandardNumber = table.Column<int>(type: "int", nullable: false),
                    Rating = table.Column<int>(type: "int", nullable: true),
                    Comments = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Evidence = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ActionId = table.Column<int>(type: "int", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfAssessmentAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfAssessmentAnswers_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfAssessmentAnswers_SelfAssessmentReturns_ReturnId",
                        column: x => x.ReturnId,
                        principalTable: "SelfAssessmentReturns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CheckChallengeAttendances_OrganisationId",
                table: "CheckChallengeAttendances",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "UX_CheckChallengeAttendances_Session_Organisation",
                table: "CheckChallengeAttendances",
                columns: new[] { "SessionId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CheckChallengeSessions_ChairPersonId",
                table: "CheckChallengeSessions",
                column: "ChairPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckChallengeSessions_RoundId",
                table: "CheckChallengeSessions",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessmentAnswers_ActionId",
                table: "SelfAssessmentAnswers",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "UX_SelfAssessmentAnswers_Return_Standard",
                table: "SelfAssessmentAnswers",
                columns: new[] { "ReturnId", "StandardNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessmentReturns_LeadPersonId",
                table: "SelfAssessmentReturns",
                column: "LeadPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessmentReturns_OrganisationId",
                table: "SelfAssessmentReturns",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "UX_SelfAssessmentReturns_Round_Organisation",
                table: "SelfAssessmentReturns",
                columns: new[] { "RoundId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessmentRounds_GroupId",
                table: "SelfAssessmentRounds",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessmentRounds_Kind_CycleYear",
                table: "SelfAssessmentRounds",
                columns: new[] { "Kind", "CycleYear" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CheckChallengeAttendances");

            migrationBuilder.DropTable(
                name: "SelfAssessmentAnswers");

            migrationBuilder.DropTable(
                name: "CheckChallengeSessions");

            migrationBuilder.DropTable(
                name: "SelfAssessmentReturns");

            migrationBuilder.DropTable(
                name: "SelfAssessmentRounds");
        }
    }
}
