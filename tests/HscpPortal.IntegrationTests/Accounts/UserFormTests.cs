using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Security;

namespace HscpPortal.IntegrationTests;

/// <summary>Administrators inviting and editing user accounts.</summary>
public class UserFormTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int Count() => factory.Query(db => db.Users.Count());

    private bool HasRole(string email, string role) => factory.Query(db =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where u.Email == email && r.Name == role
         select u).Any());

    [Fact]
    public async Task Create_EmptyForm_ListsEachMissingFieldAndWritesNothing()
    {
        var client = await factory.ClientAsync("admin");
        var before = Count();

        var response = await client.PostFormAsync("/users/new", new() { ["DisplayName"] = "", ["Email"] = "", ["PersonId"] = "" });

        await response.AssertErrorsAsync("Enter the user's email address", "Enter the user's name", "Select at least one role");
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task Create_ValidForm_CreatesUserInRoleLinksPersonAndSendsInvitation()
    {
        var client = await factory.ClientAsync("admin");
        var person = factory.PersonId("Sarah Kemble");
        var before = Count();

        var response = await client.PostFormAsync("/users/new", new KeyValuePair<string, string>[]
        {
            new("DisplayName", "Sarah Kemble"),
            new("Email", "sarah.kemble@police.demo.hscp.example"),
            new("Roles", Roles.Member),
            new("Roles", Roles.Scrutineer),
            new("PersonId", person.ToString()),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/users", response.RedirectPath());
        Assert.Equal(before + 1, Count());
        Assert.True(HasRole("sarah.kemble@police.demo.hscp.example", Roles.Member));
        Assert.True(HasRole("sarah.kemble@police.demo.hscp.example", Roles.Scrutineer));
        Assert.False(HasRole("sarah.kemble@police.demo.hscp.example", Roles.Administrator));
        var userId = factory.UserId("sarah.kemble@police.demo.hscp.example");
        Assert.Equal(userId, factory.Query(db => db.People.Single(p => p.Id == person).UserId));
        var invitation = Assert.Single(factory.EmailsTo("sarah.kemble@police.demo.hscp.example"));
        Assert.Contains("Your account", invitation.Subject, StringComparison.Ordinal);
        Assert.Equal("/account/reset-password", Accounts.ResetLink(invitation).AbsolutePath);
    }

    [Fact]
    public async Task Create_EmailAlreadyUsed_IsRefusedWhateverTheCase()
    {
        var client = await factory.ClientAsync("admin");
        var before = Count();

        var response = await client.PostFormAsync("/users/new", new() { ["DisplayName"] = "Copy", ["Email"] = "MEMBER@demo.hscp.example", ["Roles"] = Roles.Member });

        await response.AssertErrorsAsync("An account with this email address already exists");
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task Create_RoleNotInList_IsRefused()
    {
        var client = await factory.ClientAsync("admin");
        var before = Count();

        var response = await client.PostFormAsync("/users/new", new() { ["DisplayName"] = "Root", ["Email"] = "root@example.org", ["Roles"] = "SuperUser" });

        await response.AssertErrorsAsync("Select a role from the list");
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task Create_PersonAlreadyLinkedToAnotherAccount_IsRefused()
    {
        var client = await factory.ClientAsync("admin");
        var before = Count();

        var response = await client.PostFormAsync("/users/new", new()
        {
            ["DisplayName"] = "Second Claire", ["Email"] = "claire.two@example.org", ["Roles"] = Roles.Member,
            ["PersonId"] = factory.PersonId("Claire Ashdown").ToString(),
        });

        await response.AssertErrorsAsync("That person is already linked to another account");
        Assert.Equal(before, Count());
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@example.org")]
    public async Task Create_MalformedEmail_IsRefused(string email)
    {
        var client = await factory.ClientAsync("admin");
        var before = Count();

        var response = await client.PostFormAsync("/users/new", new() { ["DisplayName"] = "Bad Email", ["Email"] = email, ["Roles"] = Roles.Member });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter an email address in the correct format, like name@example.org", (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task Edit_ChangeRoles_ReplacesRoles()
    {
        var admin = await factory.ClientAsync("admin");
        await factory.InviteAsync("role.change@example.org", Roles.Member, "Role Change");
        var id = factory.UserId("role.change@example.org");

        var response = await admin.PostFormAsync($"/users/{id}", new()
        {
            ["DisplayName"] = "Role Change", ["Email"] = "role.change@example.org", ["Roles"] = Roles.Scrutineer, ["PersonId"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(HasRole("role.change@example.org", Roles.Scrutineer));
        Assert.False(HasRole("role.change@example.org", Roles.Member));
    }

    [Fact]
    public async Task Deactivate_User_CannotSignInAnyMore()
    {
        var admin = await factory.ClientAsync("admin");
        await factory.CreateUserAsync("leaver@example.org", Roles.Member, "Correct-Horse-Pylon-42");
        var id = factory.UserId("leaver@example.org");

        var response = await admin.PostFormAsync($"/users/{id}/deactivate", new(), formPage: $"/users/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var login = await factory.Anonymous().LoginAsync("leaver@example.org", "Correct-Horse-Pylon-42");
        await login.AssertErrorsAsync("Enter a correct email address and password");
    }

    [Fact]
    public async Task Deactivate_OwnAccount_IsRefused()
    {
        var admin = await factory.ClientAsync("admin");
        var id = factory.UserId("admin");

        var response = await admin.PostFormAsync($"/users/{id}/deactivate", new(), formPage: $"/users/{id}");

        Assert.Contains("notice=stale", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Null(factory.Query(db => db.Users.Single(u => u.Id == id).DeactivatedAt));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("987654")]
    public async Task Create_PersonWhoDoesNotExist_IsRefusedAndWritesNothing(string personId)
    {
        var client = await factory.ClientAsync("admin");
        var before = Count();

        var response = await client.PostFormAsync("/users/new", new()
        {
            ["DisplayName"] = "Nobody Linked", ["Email"] = $"nobody.{personId}@example.org", ["Roles"] = Roles.Member, ["PersonId"] = personId,
        });

        await response.AssertErrorsAsync("Select a person from the list, or none");
        Assert.Equal(before, Count());
    }
}
