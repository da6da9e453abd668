using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HscpPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CompletionDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A completed action always has its completion date: from the trail entry that completed it, else its
            // sign-off, else its due date (recorded as done by then).
            migrationBuilder.Sql(@"UPDATE Actions SET CompletedOn = (SELECT substr(MIN(u.At), 1, 10) FROM ActionUpdates u WHERE u.ActionItemId = Actions.Id AND u.StatusAfter = 'Completed')
WHERE Status = 'Completed' AND CompletedOn IS NULL;");
            migrationBuilder.Sql("UPDATE Actions SET CompletedOn = substr(SignedOffAt, 1, 10) WHERE Status = 'Completed' AND CompletedOn IS NULL AND SignedOffAt IS NOT NULL;");
            migrationBuilder.Sql("UPDATE Actions SET CompletedOn = DueDate WHERE Status = 'Completed' AND CompletedOn IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
