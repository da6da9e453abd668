using HscpPortal.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.UnitTests;

/// <summary>Which database errors are an outage (503, try again) and which are a bug (500).</summary>
public class DatabaseFailureTests
{
    private const int SqliteBusy = 5;
    private const int SqliteCantOpen = 14;
    private const int SqliteConstraint = 19;
    private const int SqliteIoErrRead = 266; // SQLITE_IOERR_READ, an extended code of SQLITE_IOERR

    [Theory]
    [InlineData(SqliteCantOpen)]
    [InlineData(SqliteBusy)]
    [InlineData(SqliteIoErrRead)]
    public void IsUnavailable_SqliteCannotOpenOrBusyOrIoError_True(int code)
    {
        var error = new SqliteException("unable to open database file", code);

        Assert.True(DatabaseFailure.IsUnavailable(error));
        Assert.True(DatabaseFailure.IsUnavailable(new DbUpdateException("save failed", error)));
        Assert.True(DatabaseFailure.IsUnavailable(new InvalidOperationException("wrapped", new DbUpdateException("save failed", error))));
    }

    [Fact]
    public void IsUnavailable_ConstraintViolation_FalseItIsABug()
    {
        var error = new DbUpdateException("save failed", new SqliteException("UNIQUE constraint failed", SqliteConstraint));

        Assert.False(DatabaseFailure.IsUnavailable(error));
    }

    [Fact]
    public void IsUnavailable_Timeout_True() =>
        Assert.True(DatabaseFailure.IsUnavailable(new InvalidOperationException("query failed", new TimeoutException())));

    [Fact]
    public void IsUnavailable_OtherErrors_False()
    {
        Assert.False(DatabaseFailure.IsUnavailable(new InvalidOperationException("Sequence contains no elements")));
        Assert.False(DatabaseFailure.IsUnavailable(new ArgumentException("Not a date", "date")));
        Assert.False(DatabaseFailure.IsUnavailable(null));
    }
}
