using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests;

/// <summary>Recording who held each statutory partner's lead, delegated (DSP) and deputy roles.</summary>
public class RepresentationFormTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int Count() => factory.Query(db => db.PartnerRepresentatives.Count());

    private Dictionary<string, string> Appointment(string organisation, string person, string role, string from, string to = "") => new()
    {
        ["OrganisationId"] = factory.OrganisationId(organisation).ToString(),
        ["PersonId"] = factory.PersonId(person).ToString(),
        ["Role"] = role,
        ["From"] = from,
        ["To"] = to,
    };

    [Fact]
    public async Task Create_EmptyForm_ListsEachMissingFieldAndWritesNothing()
    {
        var client = await factory.ClientAsync("team");
        var before = Count();

        var response = await client.PostFormAsync("/representation/new", new() { ["OrganisationId"] = "", ["PersonId"] = "", ["Role"] = "", ["From"] = "" });

        await response.AssertErrorsAsync("Select the statutory partner", "Select the person", "Select the role", "Enter the date the appointment started");
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task Create_ValidDeputyOverlappingAnotherDeputy_IsAccepted()
    {
        var client = await factory.ClientAsync("team");
        var before = Count();

        var response = await client.PostFormAsync("/representation/new", Appointment(Demo.Police, "Gavin Rudd", "Deputy", "2026-01-01"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/representation", response.RedirectPath());
        Assert.Equal(before + 1, Count());
        var saved = factory.Query(db => db.PartnerRepresentatives.AsNoTracking().Single(r => r.Person!.FullName == "Gavin Rudd"));
        Assert.Equal(RepresentationRole.Deputy, saved.Role);
        Assert.Equal(new DateOnly(2026, 1, 1), saved.From);
        Assert.Null(saved.To);
    }

    [Fact]
    public async Task Create_EndBeforeStart_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var before = Count();

        var response = await client.PostFormAsync("/representation/new", Appointment(Demo.Police, "Hannah Pike", "Deputy", "2026-05-01", "2026-04-30"));

        await response.AssertErrorsAsync("The end date must be the same as or after the start date");
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task Create_OverlappingDelegatedPartner_IsRefused()
    {
        // Ian Fairbairn has been the police DSP since 1 October 2023, open-ended.
        var client = await factory.ClientAsync("team");
        var before = Count();

        var response = await client.PostFormAsync("/representation/new", Appointment(Demo.Police, "Sarah Kemble", "DelegatedPartner", "2024-01-01", "2024-06-30"));

        await response.AssertErrorsAsync("Someone else holds this role for this partner during these dates. End their appointment first.");
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task Create_DelegatedPartnerBeforeRecordedHistory_IsAccepted()
    {
        var client = await factory.ClientAsync("team");

        var response = await client.PostFormAsync("/representation/new", Appointment(Demo.Police, "Sarah Kemble", "DelegatedPartner", "2021-01-01", "2022-03-31"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Create_ForRelevantAgency_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var before = Count();

        var response = await client.PostFormAsync("/representation/new", Appointment(Demo.WyeValley, "Joanne Tilley", "LeadPartner", "2026-01-01"));

        await response.AssertErrorsAsync("Select a statutory partner");
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task Create_DateNotADate_ShowsFormWithErrorNot500()
    {
        var client = await factory.ClientAsync("team");
        var before = Count();
        var fields = Appointment(Demo.Police, "Hannah Pike", "Deputy", "31/02/2026");

        var response = await client.PostFormAsync("/representation/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("From date must be a real date", (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task Edit_ShortenDelegatedPartnerSoNextOneFits_IsAccepted()
    {
        var client = await factory.ClientAsync("team");
        var id = factory.Query(db => db.PartnerRepresentatives
            .Where(r => r.Person!.FullName == "Ian Fairbairn" && r.Role == RepresentationRole.DelegatedPartner).Select(r => r.Id).Single());
        var form = await client.GetDocumentAsync($"/representation/{id}/edit");
        var fields = Appointment(Demo.Police, "Ian Fairbairn", "DelegatedPartner", "2023-10-01", "2030-12-31");
        fields["Version"] = form.InputValue("Version");

        var response = await client.PostFormAsync($"/representation/{id}/edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2030, 12, 31), factory.Query(db => db.PartnerRepresentatives.Single(r => r.Id == id).To));
        var next = await client.PostFormAsync("/representation/new", Appointment(Demo.Police, "Sarah Kemble", "DelegatedPartner", "2031-01-01"));
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
    }
}
