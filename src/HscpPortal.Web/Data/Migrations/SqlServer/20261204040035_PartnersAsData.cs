using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HscpPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PartnersAsData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_Organisations_StatutoryPartner",
                table: "Organisations");

            migrationBuilder.AddColumn<DateOnly>(
                name: "DesignatedFrom",
                table: "Organisations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DesignatedTo",
                table: "Organisations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Designation",
                table: "Organisations",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PartnerFrom",
                table: "Organisations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PartnerTo",
                table: "Organisations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NominatedByPersonId",
                table: "GroupMemberships",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_StatutoryPartner",
                table: "Organisations",
                column: "StatutoryPartner");

            migrationBuilder.CreateIndex(
                name: "IX_GroupMemberships_NominatedByPersonId",
                table: "GroupMemberships",
                column: "NominatedByPersonId");

            migrationBuilder.AddForeignKey(
                name: "FK_GroupMemberships_People_NominatedByPersonId",
                table: "GroupMemberships",
                column: "NominatedByPersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_GroupMemberships_People_NominatedByPersonId",
                table: "GroupMemberships");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_StatutoryPartner",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_GroupMemberships_NominatedByPersonId",
                table: "GroupMemberships");

            migrationBuilder.DropColumn(
                name: "DesignatedFrom",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "DesignatedTo",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "Designation",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "PartnerFrom",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "PartnerTo",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "NominatedByPersonId",
                table: "GroupMemberships");

            migrationBuilder.CreateIndex(
                name: "UX_Organisations_StatutoryPartner",
                table: "Organisations",
                column: "StatutoryPartner",
                unique: true,
                filter: "[StatutoryPartner] IS NOT NULL AND [ArchivedAt] IS NULL");
        }
    }
}
