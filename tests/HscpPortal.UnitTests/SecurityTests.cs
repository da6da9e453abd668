using HscpPortal.Web.Data;
using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Security;

namespace HscpPortal.UnitTests;

public class CommonPasswordValidatorTests
{
    private readonly CommonPasswordValidator validator = new();

    [Theory]
    [InlineData("password1234", false)]
    [InlineData("Partnership2026!", false)]
    [InlineData("aaaaaaaaaaaaaa", false)]
    [InlineData("jane.smith-secret", false)]
    [InlineData("correct horse battery staple", true)]
    [InlineData("Partnership-Demo-2026", true)]
    public async Task Validate_CommonOrPersonalPasswords_AreRefused(string password, bool accepted)
    {
        var user = new ApplicationUser { Email = "jane.smith@example.org" };

        var result = await validator.ValidateAsync(null!, user, password);

        Assert.Equal(accepted, result.Succeeded);
    }
}

public class CliTests
{
    [Fact]
    public void Split_VerbWithOptions_SeparatesHostArguments()
    {
        var (verb, rest) = Cli.Split(["create-admin", "--email", "a@b.org", "--Database:Provider=Sqlite"]);

        Assert.Equal("create-admin", verb!.Verb);
        Assert.Equal("a@b.org", verb.Options["email"]);
        Assert.Equal(["--Database:Provider=Sqlite"], rest);
    }

    [Fact]
    public void Split_NoVerb_RunsTheWebHost()
    {
        var (verb, rest) = Cli.Split(["--urls", "http://127.0.0.1:5000"]);

        Assert.Null(verb);
        Assert.Equal(2, rest.Length);
    }
}
