using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HscpPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CompletionDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A completed action always has its completion date: from the trail entry that completed it, else its
            // sign-off, else its due date (recorded as done by then).
            migrationBuilder.Sql(@"UPDATE a SET CompletedOn = (SELECT CAST(MIN(u.[At]) AS date) FROM [ActionUpdates] u WHERE u.[ActionItemId] = a.[Id] AND u.[StatusAfter] = N'Completed')
FROM [Actions] a WHERE a.[Status] = N'Completed' AND a.[CompletedOn] IS NULL;");
            migrationBuilder.Sql("UPDATE [Actions] SET [CompletedOn] = CAST([SignedOffAt] AS date) WHERE [Status] = N'Completed' AND [CompletedOn] IS NULL AND [SignedOffAt] IS NOT NULL;");
            migrationBuilder.Sql("UPDATE [Actions] SET [CompletedOn] = [DueDate] WHERE [Status] = N'Completed' AND [CompletedOn] IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
