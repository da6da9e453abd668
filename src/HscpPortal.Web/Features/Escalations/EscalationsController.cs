using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.BankHolidays;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Escalations;

/// <summary>
/// The escalation log: professional differences about a child's case notified to the partnership, each with its
/// stage history on the protocol's working-day clock. Ids are constrained to integers so /escalations/analysis
/// belongs to the analysis page.
/// </summary>
[Route("escalations")]
[Authorize(Policy = Policies.ViewEscalations)]
public sealed class EscalationsController(
    PortalDbContext db, EscalationService escalations, EscalationProtocol protocol, BankHolidayCalendar calendar, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] EscalationListQuery query, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var list = db.Escalations.AsNoTracking().Where(e => query.Archived || e.IsLive());
        var yearLabel = "all years";
        if (ReportingYear.TryParse(query.Year, out var year))
        {
            query.Year = year.ToString();
            yearLabel = year.ToString();
            list = list.Where(e => e.RaisedOn >= year.Start && e.RaisedOn <= year.End);
        }
        else if (!string.Equals(query.Year, "all", StringComparison.OrdinalIgnoreCase))
        {
            // The working view: this reporting year, and every escalation still open, so none drops out of
            // sight when the year turns.
            var current = ReportingYear.Containing(today);
            query.Year = null;
            yearLabel = $"{current} and earlier ones still open";
            list = list.Where(e => (e.RaisedOn >= current.Start && e.RaisedOn <= current.End) || e.ResolvedOn == null);
        }

        list = query.Status switch
        {
            "open" => list.Where(e => e.ResolvedOn == null),
            "resolved" => list.Where(e => e.ResolvedOn != null),
            _ => list,
        };
        if (query.Stage is { } stage)
        {
            list = list.Where(e => e.CurrentStage == stage);
        }

        if (query.RaisingOrganisationId is { } raising)
        {
            list = list.Where(e => e.RaisingOrganisationId == raising);
        }

        if (query.ConcernedOrganisationId is { } concerned)
        {
            list = list.Where(e => e.ConcernedOrganisationId == concerned);
        }

        if (query.Category is { } category)
        {
            list = list.Where(e => e.Category == category);
        }

        if (query.Drift)
        {
            // The drift rule (EscalationProtocol.Drifted) as SQL: a stage ended after its due date, or still running past it.
            list = list.Where(e => e.Stages.Any(s => (s.EndedOn ?? today) > s.DueOn));
        }

        if (query.Late)
        {
            list = list.Where(EscalationProtocol.LateOn(today));
        }

        var page = await list
            .OrderByDescending(e => e.RaisedOn).ThenByDescending(e => e.Reference)
            .Select(e => new EscalationRow(
                e.Id, e.Reference, e.RaisedOn, e.RaisingOrganisation!.Name, e.ConcernedOrganisation!.Name, e.Category, e.CurrentStage,
                e.Stages.Where(s => s.Stage == e.CurrentStage).Select(s => (DateOnly?)s.DueOn).FirstOrDefault(),
                e.ResolvedOn, e.ResolvedAtStage,
                e.Stages.Any(s => (s.EndedOn ?? today) > s.DueOn),
                e.IsArchived()))
            .ToPageAsync(query.Page, cancellationToken: ct);

        var earliest = await db.Escalations.AsNoTracking().MinAsync(e => (DateOnly?)e.RaisedOn, ct) ?? today;
        var years = Enumerable.Range(ReportingYear.Containing(earliest).StartYear, ReportingYear.Containing(today).StartYear - ReportingYear.Containing(earliest).StartYear + 1)
            .Reverse().Select(y => new ReportingYear(y).ToString()).ToList();
        ViewBag.Organisations = await db.OrganisationOptionsAsync(ct, includeArchived: true);
        return View(new EscalationList { Query = query, Results = page, YearLabel = yearLabel, Years = years, Today = today });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var escalation = await db.Escalations.AsNoTracking().Include(e => e.Stages).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (escalation is null)
        {
            return NotFound();
        }

        var today = UkTime.Today(clock);
        var working = await calendar.GetAsync(ct);
        var names = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == escalation.RaisingOrganisationId || o.Id == escalation.ConcernedOrganisationId)
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var actions = await db.Actions.AsNoTracking()
            .Where(a => a.EscalationId == id && a.IsLive())
            .OrderBy(a => a.DueDate)
            .Select(a => new EscalationActionRow(a.Id, a.Title, a.Status, a.DueDate))
            .ToListAsync(ct);
        return View(new EscalationDetails
        {
            Escalation = escalation,
            RaisingOrganisation = names.GetValueOrDefault(escalation.RaisingOrganisationId, ""),
            ConcernedOrganisation = names.GetValueOrDefault(escalation.ConcernedOrganisationId, ""),
            Stages = escalation.Stages.OrderBy(s => s.Stage)
                .Select(s => new EscalationStageView(
                    s.Stage, protocol.Describe(s.Stage), s.StartedOn, s.DueOn, s.EndedOn,
                    EscalationProtocol.WorkingDaysSpent(s, today, working), EscalationProtocol.Drifted(s, today),
                    s.Reason, s.Note, s.RecordedAt, s.RecordedBy))
                .ToList(),
            Actions = actions,
            Today = today,
            CanMoveUp = !escalation.IsResolved && escalation.CurrentStage < protocol.StageCount,
        });
    }

    [HttpGet("new")]
    [Authorize(Policy = Policies.ManageEscalations)]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        View("Edit", await WithOptionsAsync(new EscalationForm { RaisedOn = UkTime.Today(clock), Stage = 2 }, ct));

    [HttpPost("new")]
    [Authorize(Policy = Policies.ManageEscalations)]
    public async Task<IActionResult> Create(EscalationForm form, [FromServices] IValidator<EscalationForm> validator, CancellationToken ct)
    {
        form.Id = 0;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (ModelState.IsValid)
        {
            var (escalation, problems) = await escalations.RecordAsync(form.ToNew(), User.Identity?.Name, ct);
            AddProblems(problems);
            if (escalation is not null)
            {
                return Redirect($"/escalations/{escalation.Id}?notice={Notices.Created}");
            }
        }

        return View("Edit", await WithOptionsAsync(form, ct));
    }

    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = Policies.ManageEscalations)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var escalation = await db.Escalations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        return escalation is null ? NotFound() : View(await WithOptionsAsync(EscalationForm.From(escalation), ct));
    }

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.ManageEscalations)]
    public async Task<IActionResult> Edit(int id, EscalationForm form, [FromServices] IValidator<EscalationForm> validator, CancellationToken ct)
    {
        var escalation = await db.Escalations.Include(e => e.Stages).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (escalation is null)
        {
            return NotFound();
        }

        form.Id = id;
        form.Reference = escalation.Reference;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        var firstStart = escalation.Stages.Min(s => (DateOnly?)s.StartedOn);
        if (form.RaisedOn is { } raised)
        {
            if (raised > UkTime.Today(clock))
            {
                ModelState.AddModelError(nameof(form.RaisedOn), "The date raised must be today or in the past");
            }
            else if (firstStart is { } start && raised > start)
            {
                ModelState.AddModelError(nameof(form.RaisedOn), $"The date raised must be on or before {Format.Date(start)}, when its first recorded stage started");
            }
        }

        if (!ModelState.IsValid)
        {
            return View(await WithOptionsAsync(form, ct));
        }

        form.ApplyTo(escalation);
        if (!await db.SaveEditAsync(escalation, form.Version, ModelState, ct))
        {
            return View(await WithOptionsAsync(form, ct));
        }

        return Redirect($"/escalations/{id}?notice={Notices.Saved}");
    }

    [HttpGet("{id:int}/stage")]
    [Authorize(Policy = Policies.ManageEscalations)]
    public async Task<IActionResult> MoveUp(int id, CancellationToken ct)
    {
        var escalation = await db.Escalations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (escalation is null)
        {
            return NotFound();
        }

        SetHeading(escalation);
        return View(new MoveUpForm { Version = escalation.Version, On = UkTime.Today(clock) });
    }

    [HttpPost("{id:int}/stage")]
    [Authorize(Policy = Policies.ManageEscalations)]
    public async Task<IActionResult> MoveUp(int id, MoveUpForm form, [FromServices] IValidator<MoveUpForm> validator, CancellationToken ct)
    {
        var escalation = await db.Escalations.Include(e => e.Stages).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (escalation is null)
        {
            return NotFound();
        }

        SetHeading(escalation);
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        AddProblems(await escalations.MoveUpAsync(escalation, form.On!.Value, form.Reason!.Value, form.Note.NullIfBlank(), User.Identity?.Name, ct));
        if (!ModelState.IsValid || !await db.SaveEditAsync(escalation, form.Version, ModelState, ct))
        {
            return View(form);
        }

        return Redirect($"/escalations/{id}?notice={Notices.Saved}");
    }

    [HttpGet("{id:int}/resolve")]
    [Authorize(Policy = Policies.ManageEscalations)]
    public async Task<IActionResult> Resolve(int id, CancellationToken ct)
    {
        var escalation = await db.Escalations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (escalation is null)
        {
            return NotFound();
        }

        SetHeading(escalation);
        return View(new ResolveForm
        {
            Version = escalation.Version,
            On = escalation.ResolvedOn ?? UkTime.Today(clock),
            Outcome = escalation.Outcome,
            ImpactForChild = escalation.ImpactForChild,
            Learning = escalation.Learning,
        });
    }

    [HttpPost("{id:int}/resolve")]
    [Authorize(Policy = Policies.ManageEscalations)]
    public async Task<IActionResult> Resolve(int id, ResolveForm form, [FromServices] IValidator<ResolveForm> validator, CancellationToken ct)
    {
        var escalation = await db.Escalations.Include(e => e.Stages).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (escalation is null)
        {
            return NotFound();
        }

        SetHeading(escalation);
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        AddProblems(escalations.Resolve(escalation, form.On!.Value, form.Outcome!.Trim(), form.ImpactForChild!.Trim(), form.Learning.NullIfBlank()));
        if (!ModelState.IsValid || !await db.SaveEditAsync(escalation, form.Version, ModelState, ct))
        {
            return View(form);
        }

        return Redirect($"/escalations/{id}?notice={Notices.Saved}");
    }

    [HttpGet("{id:int}/reopen")]
    [Authorize(Policy = Policies.ManageEscalations)]
    public async Task<IActionResult> Reopen(int id, CancellationToken ct)
    {
        var escalation = await db.Escalations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (escalation is null)
        {
            return NotFound();
        }

        SetHeading(escalation);
        return View(new ReopenForm { Version = escalation.Version });
    }

    [HttpPost("{id:int}/reopen")]
    [Authorize(Policy = Policies.ManageEscalations)]
    public async Task<IActionResult> Reopen(int id, ReopenForm form, [FromServices] IValidator<ReopenForm> validator, CancellationToken ct)
    {
        var escalation = await db.Escalations.Include(e => e.Stages).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (escalation is null)
        {
            return NotFound();
        }

        SetHeading(escalation);
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        AddProblems(escalations.Reopen(escalation, form.Reason!.Trim(), User.Identity?.Name));
        if (!ModelState.IsValid || !await db.SaveEditAsync(escalation, form.Version, ModelState, ct))
        {
            return View(form);
        }

        return Redirect($"/escalations/{id}?notice={Notices.Saved}");
    }

    [HttpPost("{id:int}/archive")]
    [Authorize(Policy = Policies.ManageEscalations)]
    public Task<IActionResult> Archive(int id, Guid version, CancellationToken ct) =>
        this.SetArchivedAsync<Escalation>(db, id, version, archive: true, $"/escalations/{id}", clock, ct);

    [HttpPost("{id:int}/restore")]
    [Authorize(Policy = Policies.ManageEscalations)]
    public Task<IActionResult> Restore(int id, Guid version, CancellationToken ct) =>
        this.SetArchivedAsync<Escalation>(db, id, version, archive: false, $"/escalations/{id}", clock, ct);

    private void AddProblems(IEnumerable<EscalationProblem> problems)
    {
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }
    }

    private void SetHeading(Escalation escalation)
    {
        ViewBag.EscalationId = escalation.Id;
        ViewBag.Reference = escalation.Reference;
        ViewBag.CurrentStage = escalation.CurrentStage;
        ViewBag.IsResolved = escalation.IsResolved;
        ViewBag.ResolvedOn = escalation.ResolvedOn;
    }

    private async Task<EscalationForm> WithOptionsAsync(EscalationForm form, CancellationToken ct)
    {
        ViewBag.Organisations = await db.OrganisationOptionsAsync(ct, alwaysInclude: form.RaisingOrganisationId ?? form.ConcernedOrganisationId);
        ViewBag.ConcernedOptions = form.ConcernedOrganisationId is { } concerned && concerned != form.RaisingOrganisationId
            ? await db.OrganisationOptionsAsync(ct, alwaysInclude: concerned)
            : (List<SelectListItem>)ViewBag.Organisations;
        ViewBag.Stages = protocol.Stages
            .Select((s, i) => new SelectListItem(protocol.Describe(i + 1), (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        return form;
    }
}
