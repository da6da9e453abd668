using System.Globalization;
using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Audits;
using HscpPortal.Web.Features.Reminders;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.Export;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Section11;

/// <summary>
/// Section 11 (agencies) and Section 175 (schools) self-assessment: the team opens a round, each organisation's lead
/// completes its own return (drafts, then submits, starting from its answers to the last round), and the team and the
/// scrutineer see who has returned, the matrix of ratings with the change since the last round, check and challenge
/// sessions, and the actions that low ratings raise on the owning group's plan.
/// </summary>
[Route("section11")]
[Authorize(Policy = Policies.ViewRecords)]
public sealed class Section11Controller(PortalDbContext db, IAuthorizationService authz, TimeProvider clock) : Controller
{
    /// <summary>A return's form may carry a file under each standard at once: room for a few, as a meeting's papers allow.</summary>
    private const long MaxUploadRequestBytes = 60L * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var canView = await Can(Policies.ViewSelfAssessments);
        var rounds = await RoundRows().ToListAsync(ct);
        var userId = User.UserId();
        var mine = await db.SelfAssessmentReturns.AsNoTracking()
            .Where(x => x.IsLive() && x.Round!.IsLive() && x.LeadPerson!.UserId == userId && userId != null)
            .OrderByDescending(x => x.Round!.CycleYear).ThenBy(x => x.Organisation!.Name)
            .Select(x => new MyReturnRow(x.Id, x.Round!.Title, x.Organisation!.Name, x.Round.Deadline, x.Status))
            .ToListAsync(ct);
        return View(new RoundList
        {
            Rounds = canView ? rounds : [],
            MyReturns = mine,
            CanView = canView,
            CanManage = await Can(Policies.ManageSelfAssessments),
        });
    }

    [HttpGet("new")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public async Task<IActionResult> Create(SelfAssessmentKind? kind, CancellationToken ct)
    {
        var chosen = kind is { } k && Enum.IsDefined(k) ? k : SelfAssessmentKind.Section11;
        var today = UkTime.Today(clock);
        var previous = await PreviousRoundAsync(chosen, int.MaxValue, ct);
        var form = new RoundForm
        {
            Kind = chosen,
            Title = $"{SelfAssessmentRules.Describe(chosen)} self-assessment {today.Year}",
            CycleYear = today.Year,
            OpensOn = today,
            Deadline = today.AddDays(56),
            // A new round starts from the last one of its kind: the same standards, scale and leads, changed as needed.
            Standards = previous?.Standards ?? string.Join('\n', SelfAssessmentRules.DefaultStandards(chosen)),
            RatingScale = previous?.RatingScale ?? string.Join('\n', SelfAssessmentRules.DefaultScale),
            ActionFromLevel = previous?.ActionFromLevel ?? 3,
            GroupId = previous?.GroupId ?? await db.AssuranceGroupIdAsync(ct),
            LeadPersonIds = previous is null ? [] : await db.SelfAssessmentReturns.AsNoTracking()
                .Where(x => x.RoundId == previous.Id && x.IsLive() && x.LeadPerson!.IsLive()).Select(x => x.LeadPersonId).ToListAsync(ct),
        };
        return View("Edit", await WithOptionsAsync(form, ct));
    }

    [HttpPost("new")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public async Task<IActionResult> Create(RoundForm form, [FromServices] IValidator<RoundForm> validator, CancellationToken ct)
    {
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View("Edit", await WithOptionsAsync(form, ct));
        }

        var leads = await db.People.AsNoTracking().Where(p => form.LeadPersonIds.Contains(p.Id))
            .Select(p => new { p.Id, p.OrganisationId }).ToListAsync(ct);
        var round = new SelfAssessmentRound
        {
            Title = form.Title!.Trim(),
            Kind = form.Kind!.Value,
            CycleYear = form.CycleYear!.Value,
            OpensOn = form.OpensOn!.Value,
            Deadline = form.Deadline!.Value,
            Standards = string.Join('\n', SelfAssessmentRules.Lines(form.Standards)),
            RatingScale = string.Join('\n', SelfAssessmentRules.Lines(form.RatingScale)),
            ActionFromLevel = form.ActionFromLevel!.Value,
            GroupId = form.GroupId!.Value,
            Returns = leads.Select(l => new SelfAssessmentReturn { OrganisationId = l.OrganisationId, LeadPersonId = l.Id }).ToList(),
        };
        db.SelfAssessmentRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return Redirect($"/section11/{round.Id}?notice={Notices.Created}");
    }

    [HttpGet("{id:int}")]
    [Authorize(Policy = Policies.ViewSelfAssessments)]
    public async Task<IActionResult> Details(int id, CancellationToken ct) =>
        await RoundDetailsAsync(id, ct) is { } details ? View(details) : NotFound();

    [HttpGet("export")]
    [Authorize(Policy = Policies.ViewSelfAssessments)]
    public async Task<IActionResult> ExportRounds(string? format, CancellationToken ct)
    {
        if (TabularExport.ParseFormat(format) is not { } kind)
        {
            return BadRequest();
        }

        var rounds = await RoundRows().ToListAsync(ct);
        return TabularExport.Download(ExportTable.From("Self-assessment rounds", rounds, RoundList.Columns), kind, "self-assessment-rounds");
    }

    [HttpGet("{id:int}/returns/export")]
    [Authorize(Policy = Policies.ViewSelfAssessments)]
    public async Task<IActionResult> ExportReturns(int id, string? format, CancellationToken ct)
    {
        if (TabularExport.ParseFormat(format) is not { } kind)
        {
            return BadRequest();
        }

        return await RoundDetailsAsync(id, ct) is { } details
            ? TabularExport.Download(ExportTable.From("Returns", details.Rows, RoundDetails.ReturnColumns), kind, $"self-assessment-{id}-returns")
            : NotFound();
    }

    [HttpGet("{id:int}/matrix/export")]
    [Authorize(Policy = Policies.ViewSelfAssessments)]
    public async Task<IActionResult> ExportMatrix(int id, string? format, CancellationToken ct)
    {
        if (TabularExport.ParseFormat(format) is not { } kind)
        {
            return BadRequest();
        }

        return await RoundDetailsAsync(id, ct) is { } details
            ? TabularExport.Download(ExportTable.From("Ratings", details.Rows, details.MatrixColumns()), kind, $"self-assessment-{id}-ratings")
            : NotFound();
    }

    private async Task<RoundDetails?> RoundDetailsAsync(int id, CancellationToken ct)
    {
        var round = await db.SelfAssessmentRounds.AsNoTracking().Include(r => r.Group).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return null;
        }

        var standards = SelfAssessmentRules.Lines(round.Standards);
        var previous = await PreviousRoundAsync(round.Kind, round.CycleYear, ct);
        var returns = await db.SelfAssessmentReturns.AsNoTracking().Where(x => x.RoundId == id && x.IsLive())
            .OrderBy(x => x.Organisation!.Name)
            .Select(x => new { x.Id, x.OrganisationId, Organisation = x.Organisation!.Name, Lead = x.LeadPerson!.FullName, x.Status, x.SubmittedOn, x.Version })
            .ToListAsync(ct);
        var answers = await db.SelfAssessmentAnswers.AsNoTracking().Where(a => a.Return!.RoundId == id)
            .Select(a => new { a.Id, a.ReturnId, a.StandardNumber, a.Rating, HasAction = a.ActionId != null }).ToListAsync(ct);
        var before = previous is null ? [] : await db.SelfAssessmentAnswers.AsNoTracking()
            .Where(a => a.Return!.RoundId == previous.Id && a.Return.IsLive() && a.Return.Status == ReturnStatus.Submitted)
            .Select(a => new { a.Return!.OrganisationId, a.StandardNumber, a.Rating }).ToListAsync(ct);
        var manualToday = SelfAssessmentRules.ManualOccasion(UkTime.Today(clock));
        var reminders = await db.SelfAssessmentReminders.AsNoTracking().Where(m => m.Return!.RoundId == id)
            .GroupBy(m => m.ReturnId)
            .Select(g => new { ReturnId = g.Key, Last = g.Max(m => m.SentAt), Today = g.Any(m => m.Occasion == manualToday) })
            .ToDictionaryAsync(g => g.ReturnId, ct);
        var rows = returns.Select(x => new MatrixRow(x.Id, x.Organisation, x.Lead, x.Status, x.SubmittedOn,
            Enumerable.Range(1, standards.Count).Select(n =>
            {
                // Only a submitted return shows in the matrix: a draft's ratings are the lead's working, not the agency's answer.
                var answer = x.Status == ReturnStatus.Submitted ? answers.FirstOrDefault(a => a.ReturnId == x.Id && a.StandardNumber == n) : null;
                var last = before.FirstOrDefault(b => b.OrganisationId == x.OrganisationId && b.StandardNumber == n)?.Rating;
                return new MatrixCell(answer?.Rating, SelfAssessmentRules.Change(last, answer?.Rating), answer?.Id, answer?.HasAction ?? false);
            }).ToList())
        {
            LastReminded = reminders.GetValueOrDefault(x.Id)?.Last,
            RemindedToday = reminders.GetValueOrDefault(x.Id)?.Today ?? false,
            Version = x.Version,
        }).ToList();
        var sessions = await SessionsAsync(id, ct);
        return new RoundDetails
        {
            Round = round,
            Standards = standards,
            Scale = SelfAssessmentRules.Lines(round.RatingScale),
            Rows = rows,
            Sessions = sessions,
            ArchivedSessions = await ArchivedSessionsAsync(id, ct),
            PreviousRound = previous?.Title,
            CanManage = await Can(Policies.ManageSelfAssessments),
            OutOfScope = await db.SelfAssessmentReturns.AsNoTracking().Where(x => x.RoundId == id && x.IsArchived())
                .OrderBy(x => x.Organisation!.Name)
                .Select(x => new ArchivedReturnRow(x.Id, x.Organisation!.Name, x.LeadPerson!.FullName, x.Version))
                .ToListAsync(ct),
        };
    }


    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public async Task<IActionResult> EditRound(int id, CancellationToken ct)
    {
        var round = await db.SelfAssessmentRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.IsLive(), ct);
        if (round is null)
        {
            return NotFound();
        }

        var form = new RoundChangeForm
        {
            Version = round.Version, Title = round.Title, Description = round.Description, Deadline = round.Deadline,
            Standards = round.Standards, RatingScale = round.RatingScale, ActionFromLevel = round.ActionFromLevel,
        };
        return View("EditRound", await WithRoundAsync(form, round, ct));
    }

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public async Task<IActionResult> EditRound(int id, RoundChangeForm form, [FromServices] IValidator<RoundChangeForm> validator, CancellationToken ct)
    {
        var round = await db.SelfAssessmentRounds.FirstOrDefaultAsync(r => r.Id == id && r.IsLive(), ct);
        if (round is null)
        {
            return NotFound();
        }

        await WithRoundAsync(form, round, ct);
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View("EditRound", form);
        }

        round.Title = form.Title!.Trim();
        round.Description = form.Description.NullIfBlank();
        round.Deadline = form.Deadline!.Value;
        if (!form.Locked)
        {
            round.Standards = string.Join('\n', SelfAssessmentRules.Lines(form.Standards));
            round.RatingScale = string.Join('\n', SelfAssessmentRules.Lines(form.RatingScale));
            round.ActionFromLevel = form.ActionFromLevel!.Value;
        }

        if (!await db.SaveEditAsync(round, form.Version, ModelState, ct))
        {
            return View("EditRound", form);
        }

        return Redirect($"/section11/{id}?notice={Notices.Saved}");
    }

    [HttpPost("{id:int}/archive")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public Task<IActionResult> ArchiveRound(int id, Guid version, CancellationToken ct) =>
        this.SetArchivedAsync<SelfAssessmentRound>(db, id, version, archive: true, $"/section11/{id}", clock, ct);

    [HttpPost("{id:int}/restore")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public Task<IActionResult> RestoreRound(int id, Guid version, CancellationToken ct) =>
        this.SetArchivedAsync<SelfAssessmentRound>(db, id, version, archive: false, $"/section11/{id}", clock, ct);

    [HttpGet("{id:int}/organisations/new")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public async Task<IActionResult> AddOrganisation(int id, CancellationToken ct)
    {
        var round = await db.SelfAssessmentRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.IsLive(), ct);
        return round is null ? NotFound() : View(await WithLeadOptionsAsync(new LeadForm(), round, null, ct));
    }

    /// <summary>
    /// Brings an organisation into scope with its lead: a new return, or the one taken out earlier brought back (a round
    /// has one return per organisation), so its draft is not lost.
    /// </summary>
    [HttpPost("{id:int}/organisations/new")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public async Task<IActionResult> AddOrganisation(int id, LeadForm form, CancellationToken ct)
    {
        var round = await db.SelfAssessmentRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.IsLive(), ct);
        if (round is null)
        {
            return NotFound();
        }

        var lead = form.LeadPersonId is { } personId
            ? await db.People.AsNoTracking().Where(p => p.Id == personId && p.IsLive()).Select(p => new { p.Id, p.OrganisationId, Organisation = p.Organisation!.Name }).FirstOrDefaultAsync(ct)
            : null;
        var existing = lead is null ? null : await db.SelfAssessmentReturns.FirstOrDefaultAsync(x => x.RoundId == id && x.OrganisationId == lead.OrganisationId, ct);
        if (lead is null)
        {
            ModelState.AddModelError(nameof(form.LeadPersonId), "Select the lead of the organisation to add");
        }
        else if (existing is not null && existing.IsLive())
        {
            ModelState.AddModelError(nameof(form.LeadPersonId), $"{lead.Organisation} is already in the round");
        }

        if (!ModelState.IsValid)
        {
            return View(await WithLeadOptionsAsync(form, round, null, ct));
        }

        if (existing is null)
        {
            db.SelfAssessmentReturns.Add(new SelfAssessmentReturn { RoundId = id, OrganisationId = lead!.OrganisationId, LeadPersonId = lead.Id });
        }
        else
        {
            existing.Archive(false, User.Identity?.Name, clock);
            existing.LeadPersonId = lead!.Id;
            existing.Version = Guid.NewGuid();
        }

        await db.SaveChangesAsync(ct);
        return Redirect($"/section11/{id}?notice={Notices.Created}#returns");
    }

    [HttpPost("returns/{id:int}/archive")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public Task<IActionResult> ArchiveReturn(int id, Guid version, CancellationToken ct) => SetReturnArchivedAsync(id, version, archive: true, ct);

    [HttpPost("returns/{id:int}/restore")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public Task<IActionResult> RestoreReturn(int id, Guid version, CancellationToken ct) => SetReturnArchivedAsync(id, version, archive: false, ct);

    [HttpGet("returns/{id:int}/lead")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public async Task<IActionResult> ChangeLead(int id, CancellationToken ct)
    {
        var record = await LiveReturnAsync(id, ct);
        return record is null ? NotFound() : View(await WithLeadOptionsAsync(new LeadForm { Version = record.Version, LeadPersonId = record.LeadPersonId }, record.Round!, record, ct));
    }

    /// <summary>A new lead for a return in scope: someone of the same organisation, since the lead answers for it.</summary>
    [HttpPost("returns/{id:int}/lead")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public async Task<IActionResult> ChangeLead(int id, LeadForm form, CancellationToken ct)
    {
        var record = await LiveReturnAsync(id, ct, tracked: true);
        if (record is null)
        {
            return NotFound();
        }

        var valid = form.LeadPersonId is { } personId
            && await db.People.AnyAsync(p => p.Id == personId && p.IsLive() && p.OrganisationId == record.OrganisationId, ct);
        if (!valid)
        {
            ModelState.AddModelError(nameof(form.LeadPersonId), $"Select a lead from {record.Organisation!.Name}");
            return View(await WithLeadOptionsAsync(form, record.Round!, record, ct));
        }

        record.LeadPersonId = form.LeadPersonId!.Value;
        if (!await db.SaveEditAsync(record, form.Version, ModelState, ct))
        {
            return View(await WithLeadOptionsAsync(form, record.Round!, record, ct));
        }

        return Redirect($"/section11/{record.RoundId}?notice={Notices.Saved}#returns");
    }

    [HttpPost("check-and-challenge/{id:int}/archive")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public async Task<IActionResult> ArchiveSession(int id, Guid version, CancellationToken ct) =>
        await db.CheckChallengeSessions.AsNoTracking().Where(s => s.Id == id).Select(s => (int?)s.RoundId).FirstOrDefaultAsync(ct) is { } roundId
            ? await this.SetArchivedAsync<CheckChallengeSession>(db, id, version, archive: true, $"/section11/{roundId}", clock, ct)
            : NotFound();

    [HttpPost("check-and-challenge/{id:int}/restore")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public async Task<IActionResult> RestoreSession(int id, Guid version, CancellationToken ct) =>
        await db.CheckChallengeSessions.AsNoTracking().Where(s => s.Id == id).Select(s => (int?)s.RoundId).FirstOrDefaultAsync(ct) is { } roundId
            ? await this.SetArchivedAsync<CheckChallengeSession>(db, id, version, archive: false, $"/section11/{roundId}", clock, ct)
            : NotFound();

    /// <summary>The team's nudge to one lead between the daily run's reminders; once a day per return, and audited.</summary>
    [HttpPost("returns/{id:int}/remind")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public async Task<IActionResult> Remind(int id, [FromServices] ReminderService reminders, CancellationToken ct)
    {
        var roundId = await db.SelfAssessmentReturns.AsNoTracking().Where(x => x.Id == id && x.IsLive()).Select(x => (int?)x.RoundId).FirstOrDefaultAsync(ct);
        if (roundId is null)
        {
            return NotFound();
        }

        var outcome = await reminders.SendSelfAssessmentReminderNowAsync(id, User.Identity?.Name, ct);
        var notice = outcome switch
        {
            ManualReminderOutcome.Sent => Notices.Reminded,
            ManualReminderOutcome.AlreadyToday => Notices.AlreadyReminded,
            _ => Notices.NotReminded,
        };
        return Redirect($"/section11/{roundId}?notice={notice}#returns");
    }

    [HttpGet("returns/{id:int}")]
    public async Task<IActionResult> Return(int id, [FromServices] FileStore store, CancellationToken ct)
    {
        var access = await LoadReturnAsync(id, ct);
        var readOnly = false;
        if (!access.Granted(out var record, out var refusal))
        {
            // Those who read every return (the scrutineer, partners, chairs) see it read-only: submitted answers only.
            if (refusal is NotFoundResult || !(await authz.AuthorizeAsync(User, Policies.ViewSelfAssessments)).Succeeded)
            {
                return refusal;
            }

            record = await db.SelfAssessmentReturns.AsNoTracking().Include(x => x.Round).Include(x => x.Organisation).Include(x => x.LeadPerson)
                .FirstAsync(x => x.Id == id, ct);
            readOnly = true;
        }

        var standards = SelfAssessmentRules.Lines(record.Round!.Standards);
        var form = new ReturnForm { Version = record.Version, Standards = standards, Scale = SelfAssessmentRules.Lines(record.Round.RatingScale) };
        var saved = readOnly && record.Status != ReturnStatus.Submitted
            ? []
            : await db.SelfAssessmentAnswers.AsNoTracking().Where(a => a.ReturnId == id).ToListAsync(ct);
        ViewBag.ReadOnly = readOnly;
        var prefilled = false;
        if (!readOnly && record.Status == ReturnStatus.NotStarted && saved.Count == 0)
        {
            // Nothing saved yet: offer the organisation's answers to the last round of this kind as the starting point.
            var previous = await PreviousRoundAsync(record.Round.Kind, record.Round.CycleYear, ct);
            if (previous is not null)
            {
                saved = await db.SelfAssessmentAnswers.AsNoTracking()
                    .Where(a => a.Return!.RoundId == previous.Id && a.Return.OrganisationId == record.OrganisationId && a.Return.IsLive())
                    .ToListAsync(ct);
                prefilled = saved.Count > 0;
                ViewBag.PreviousRound = previous.Title;
            }
        }

        form.Answers = Enumerable.Range(1, standards.Count).Select(n => saved.FirstOrDefault(a => a.StandardNumber == n) is { } a
            ? new AnswerForm { Rating = a.Rating is { } r && r <= form.Scale.Count ? r : null, Comments = a.Comments, Evidence = a.Evidence }
            : new AnswerForm()).ToList();
        ViewBag.Prefilled = prefilled;
        // Readers see a return's evidence with its answers: only once submitted.
        if (!readOnly || record.Status == ReturnStatus.Submitted)
        {
            await WithFilesAsync(form, id, store, ct);
        }

        return View(WithHeading(form, record));
    }

    /// <summary>
    /// Saves the lead's answers as a draft or submits them. The page is one form, so a file chosen under a standard is
    /// stored with the answers and a file's "Remove" saves them too: nothing typed is lost to an upload or a removal,
    /// and a file refused (wrong type, too large, empty) comes back with the answers as they were typed.
    /// </summary>
    [HttpPost("returns/{id:int}")]
    [RequestSizeLimit(MaxUploadRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUploadRequestBytes)]
    public async Task<IActionResult> Return(
        int id, ReturnForm form, [FromServices] IValidator<ReturnForm> validator, [FromServices] FileStore store, CancellationToken ct)
    {
        var access = await LoadReturnAsync(id, ct, tracked: true);
        if (!access.Granted(out var record, out var refusal))
        {
            return refusal;
        }

        form.Standards = SelfAssessmentRules.Lines(record.Round!.Standards);
        form.Scale = SelfAssessmentRules.Lines(record.Round.RatingScale);
        ViewBag.Prefilled = false;
        WithHeading(form, record);
        await WithFilesAsync(form, id, store, ct);
        if (record.Status == ReturnStatus.Submitted)
        {
            ModelState.AddModelError("", "This return has already been submitted, so it can no longer be changed");
            return View(form);
        }

        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        var removing = form.RemovingFileId is { } fileId
            ? await db.EvidenceFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.Answer!.ReturnId == id && f.IsLive(), ct)
            : null;
        if (form.RemovingFileId is not null && removing is null)
        {
            ModelState.AddModelError("", "That file has already been removed from the return");
        }

        var uploads = new List<(int Standard, EvidenceFile File)>();
        if (ModelState.IsValid)
        {
            for (var i = 0; i < form.Answers.Count && i < form.Standards.Count; i++)
            {
                if (form.Answers[i].File is not { } chosen)
                {
                    continue;
                }

                var evidence = new EvidenceFile();
                if (await store.SaveAsync(chosen, evidence, ct) is { } problem)
                {
                    ModelState.AddModelError($"Answers[{i}].File", $"{problem} (standard {i + 1})");
                }
                else
                {
                    uploads.Add((i + 1, evidence));
                }
            }
        }

        if (!ModelState.IsValid)
        {
            foreach (var (_, stored) in uploads)
            {
                store.Delete(stored.StoredName!);
            }

            return View(form);
        }

        for (var i = 0; i < form.Answers.Count; i++)
        {
            var number = i + 1;
            var posted = form.Answers[i];
            var answer = record.Answers.FirstOrDefault(a => a.StandardNumber == number);
            if (answer is null)
            {
                answer = new SelfAssessmentAnswer { StandardNumber = number };
                record.Answers.Add(answer);
            }

            answer.Rating = posted.Rating;
            answer.Comments = posted.Comments.NullIfBlank();
            answer.Evidence = SelfAssessmentRules.Lines(posted.Evidence) is { Count: > 0 } links ? string.Join('\n', links) : null;
        }

        foreach (var (standard, evidence) in uploads)
        {
            record.Answers.First(a => a.StandardNumber == standard).Files.Add(evidence);
        }

        // Removed, not deleted: the file stays in the store and the trail, and the team can still open it.
        removing?.Archive(true, User.Identity?.Name, clock);
        record.Status = form.Submitting ? ReturnStatus.Submitted : ReturnStatus.InProgress;
        record.SubmittedOn = form.Submitting ? UkTime.Today(clock) : null;
        if (!await db.SaveEditAsync(record, form.Version, ModelState, ct))
        {
            foreach (var (_, stored) in uploads)
            {
                store.Delete(stored.StoredName!);
            }

            return View(form);
        }

        var canView = await Can(Policies.ViewSelfAssessments);
        var anchor = uploads.Count > 0 ? $"#standard-{uploads[0].Standard}-files"
            : removing is not null ? "#standard-" + record.Answers.First(a => a.Id == removing.AnswerId).StandardNumber.ToString(CultureInfo.InvariantCulture) + "-files"
            : "";
        return Redirect(form.Submitting
            ? (canView ? $"/section11/{record.RoundId}?notice={Notices.Saved}" : $"/section11?notice={Notices.Saved}")
            : $"/section11/returns/{id}?notice={Notices.Saved}{anchor}");
    }

    /// <summary>
    /// An evidence file, as an attachment under its own name. Its return's lead and the team may open any of the
    /// return's files, removed ones too; those who read every return open the live files of a submitted return, as
    /// they see its answers; anyone else is refused.
    /// </summary>
    [HttpGet("evidence/{id:int}")]
    public async Task<IActionResult> Evidence(int id, [FromServices] FileStore store, CancellationToken ct)
    {
        var file = await db.EvidenceFiles.AsNoTracking().Where(f => f.Id == id)
            .Select(f => new { File = f, Return = f.Answer!.Return!, Removed = f.IsArchived() || f.Answer.Return!.IsArchived() || f.Answer.Return.Round!.IsArchived() })
            .FirstOrDefaultAsync(ct);
        if (file is null)
        {
            return NotFound();
        }

        var editor = (await authz.AuthorizeAsync(User, file.Return, Policies.CompleteReturn)).Succeeded;
        if (!editor)
        {
            if (file.Removed)
            {
                return NotFound();
            }

            if (file.Return.Status != ReturnStatus.Submitted || !await Can(Policies.ViewSelfAssessments))
            {
                return Forbid();
            }
        }

        var stream = store.Open(file.File.StoredName!);
        return stream is null ? NotFound() : File(stream, file.File.ContentType ?? "application/octet-stream", file.File.FileName);
    }

    [HttpGet("{id:int}/check-and-challenge/new")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public async Task<IActionResult> NewSession(int id, CancellationToken ct)
    {
        var round = await db.SelfAssessmentRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.IsLive(), ct);
        if (round is null)
        {
            return NotFound();
        }

        return View("Session", await WithSessionOptionsAsync(new SessionForm { HeldOn = UkTime.Today(clock) }, round, ct));
    }

    [HttpPost("{id:int}/check-and-challenge/new")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public async Task<IActionResult> NewSession(int id, SessionForm form, [FromServices] IValidator<SessionForm> validator, CancellationToken ct)
    {
        var round = await db.SelfAssessmentRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.IsLive(), ct);
        if (round is null)
        {
            return NotFound();
        }

        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        var inScope = await db.SelfAssessmentReturns.AsNoTracking().Where(x => x.RoundId == id && x.IsLive()).Select(x => x.OrganisationId).ToListAsync(ct);
        if (form.OrganisationIds.Any(o => !inScope.Contains(o)))
        {
            ModelState.AddModelError(nameof(form.OrganisationIds), "Select the organisations from those in the round");
        }

        if (!ModelState.IsValid)
        {
            return View("Session", await WithSessionOptionsAsync(form, round, ct));
        }

        db.CheckChallengeSessions.Add(new CheckChallengeSession
        {
            RoundId = id,
            HeldOn = form.HeldOn!.Value,
            ChairPersonId = form.ChairPersonId,
            Notes = form.Notes.NullIfBlank(),
            Organisations = form.OrganisationIds.Distinct().Select(o => new CheckChallengeAttendance { OrganisationId = o }).ToList(),
        });
        await db.SaveChangesAsync(ct);
        return Redirect($"/section11/{id}?notice={Notices.Created}#check-and-challenge");
    }

    [HttpGet("check-and-challenge/{id:int}/edit")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public async Task<IActionResult> EditSession(int id, CancellationToken ct)
    {
        var session = await db.CheckChallengeSessions.AsNoTracking().Include(s => s.Round).Include(s => s.Organisations)
            .FirstOrDefaultAsync(s => s.Id == id && s.IsLive() && s.Round!.IsLive(), ct);
        if (session is null)
        {
            return NotFound();
        }

        var form = new SessionForm
        {
            Version = session.Version, HeldOn = session.HeldOn, ChairPersonId = session.ChairPersonId, Notes = session.Notes,
            OrganisationIds = session.Organisations.Select(o => o.OrganisationId).ToList(),
        };
        ViewBag.SessionId = id;
        return View("Session", await WithSessionOptionsAsync(form, session.Round!, ct));
    }

    /// <summary>Corrects a session's date, chair, attendance or notes; each change is in the audit trail.</summary>
    [HttpPost("check-and-challenge/{id:int}/edit")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public async Task<IActionResult> EditSession(int id, SessionForm form, [FromServices] IValidator<SessionForm> validator, CancellationToken ct)
    {
        var session = await db.CheckChallengeSessions.Include(s => s.Round).Include(s => s.Organisations)
            .FirstOrDefaultAsync(s => s.Id == id && s.IsLive() && s.Round!.IsLive(), ct);
        if (session is null)
        {
            return NotFound();
        }

        ViewBag.SessionId = id;
        var round = session.Round!;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        var inScope = await db.SelfAssessmentReturns.AsNoTracking().Where(x => x.RoundId == round.Id && x.IsLive()).Select(x => x.OrganisationId).ToListAsync(ct);
        // An organisation that attended and has since left the round's scope stays a valid choice: it did attend.
        var attended = session.Organisations.Select(o => o.OrganisationId).ToList();
        if (form.OrganisationIds.Any(o => !inScope.Contains(o) && !attended.Contains(o)))
        {
            ModelState.AddModelError(nameof(form.OrganisationIds), "Select the organisations from those in the round");
        }

        if (!ModelState.IsValid)
        {
            return View("Session", await WithSessionOptionsAsync(form, round, ct));
        }

        session.HeldOn = form.HeldOn!.Value;
        session.ChairPersonId = form.ChairPersonId;
        session.Notes = form.Notes.NullIfBlank();
        var chosen = form.OrganisationIds.Distinct().ToList();
        session.Organisations.RemoveAll(o => !chosen.Contains(o.OrganisationId));
        foreach (var organisationId in chosen.Where(o => session.Organisations.All(x => x.OrganisationId != o)))
        {
            session.Organisations.Add(new CheckChallengeAttendance { OrganisationId = organisationId });
        }

        if (!await db.SaveEditAsync(session, form.Version, ModelState, ct))
        {
            return View("Session", await WithSessionOptionsAsync(form, round, ct));
        }

        return Redirect($"/section11/{round.Id}?notice={Notices.Saved}#check-and-challenge");
    }

    [HttpGet("answers/{answerId:int}/action")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public async Task<IActionResult> AnswerAction(int answerId, CancellationToken ct)
    {
        var answer = await ProposingAnswerAsync(answerId, ct);
        if (answer is null)
        {
            return NotFound();
        }

        var standards = SelfAssessmentRules.Lines(answer.Return!.Round!.Standards);
        var standard = answer.StandardNumber <= standards.Count ? standards[answer.StandardNumber - 1] : $"Standard {answer.StandardNumber}";
        var title = $"{answer.Return.Organisation!.Name}: improve against standard {answer.StandardNumber}, {standard}";
        SetAnswerHeading(answer, standard);
        return View(await WithPeopleAsync(new FindingActionForm
        {
            Title = title.Length <= 500 ? title : title[..500],
            OwnerPersonId = answer.Return.LeadPersonId,
            OwnerOrganisationId = answer.Return.OrganisationId,
            Today = UkTime.Today(clock),
        }, ct));
    }

    /// <summary>
    /// A standard rated at or below the round's action level becomes an action on the owning group's plan in one step,
    /// owned by the organisation, with Section 11 as its source; the answer keeps the link so the matrix and report see it.
    /// </summary>
    [HttpPost("answers/{answerId:int}/action")]
    [Authorize(Policy = Policies.ManageSelfAssessments)]
    public async Task<IActionResult> AnswerAction(int answerId, FindingActionForm form, [FromServices] IValidator<FindingActionForm> validator, CancellationToken ct)
    {
        var answer = await ProposingAnswerAsync(answerId, ct);
        if (answer is null)
        {
            return NotFound();
        }

        var standards = SelfAssessmentRules.Lines(answer.Return!.Round!.Standards);
        SetAnswerHeading(answer, answer.StandardNumber <= standards.Count ? standards[answer.StandardNumber - 1] : "");
        form.Today = UkTime.Today(clock);
        if (form.OwnerOrganisationId is null && form.OwnerPersonId is { } personId)
        {
            form.OwnerOrganisationId = await db.People.Where(p => p.Id == personId).Select(p => (int?)p.OrganisationId).FirstOrDefaultAsync(ct);
        }

        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (answer.ActionId is not null)
        {
            ModelState.AddModelError("", "This rating already has an action on the tracker");
        }

        if (answer.Return.Round.Group is { } group && (group.IsArchived() || group.Status != GroupStatus.Active))
        {
            ModelState.AddModelError("", $"{group.Name} is no longer active, so its action plan takes no new actions");
        }

        if (!ModelState.IsValid)
        {
            return View(await WithPeopleAsync(form, ct));
        }

        var action = new ActionItem
        {
            Title = form.Title!.Trim(),
            Description = form.Description.NullIfBlank(),
            GroupId = answer.Return.Round.GroupId,
            OwnerPersonId = form.OwnerPersonId!.Value,
            OwnerOrganisationId = form.OwnerOrganisationId!.Value,
            DueDate = form.DueDate!.Value,
            Status = ActionStatus.NotStarted,
            Source = ActionSource.Section11,
            SourceReference = answer.Return.Round.Title.Length <= 300 ? answer.Return.Round.Title : answer.Return.Round.Title[..300],
        };
        db.Actions.Add(action);
        await db.SaveChangesAsync(ct);
        var tracked = await db.SelfAssessmentAnswers.FirstAsync(a => a.Id == answerId, ct);
        tracked.ActionId = action.Id;
        await db.SaveChangesAsync(ct);
        return Redirect($"/actions/{action.Id}?notice={Notices.Created}");
    }

    private IQueryable<RoundRow> RoundRows() => db.SelfAssessmentRounds.AsNoTracking().Where(r => r.IsLive())
        .OrderByDescending(r => r.CycleYear).ThenBy(r => r.Kind)
        .Select(r => new RoundRow(r.Id, r.Title, r.Kind, r.CycleYear, r.Deadline,
            r.Returns.Count(x => x.IsLive()),
            r.Returns.Count(x => x.IsLive() && x.Status == ReturnStatus.Submitted),
            r.Returns.Count(x => x.IsLive() && x.Status == ReturnStatus.InProgress)));

    private async Task<IActionResult> SetReturnArchivedAsync(int id, Guid version, bool archive, CancellationToken ct) =>
        await db.SelfAssessmentReturns.AsNoTracking().Where(x => x.Id == id && x.Round!.IsLive()).Select(x => (int?)x.RoundId).FirstOrDefaultAsync(ct) is { } roundId
            ? await this.SetArchivedAsync<SelfAssessmentReturn>(db, id, version, archive, $"/section11/{roundId}", clock, ct)
            : NotFound();

    private Task<SelfAssessmentReturn?> LiveReturnAsync(int id, CancellationToken ct, bool tracked = false)
    {
        var query = db.SelfAssessmentReturns.Include(x => x.Round).Include(x => x.Organisation)
            .Where(x => x.Id == id && x.IsLive() && x.Round!.IsLive());
        return (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    private async Task<RoundChangeForm> WithRoundAsync(RoundChangeForm form, SelfAssessmentRound round, CancellationToken ct)
    {
        form.OpensOn = round.OpensOn;
        form.Locked = await db.SelfAssessmentReturns.AnyAsync(x => x.RoundId == round.Id && x.Status == ReturnStatus.Submitted, ct);
        if (form.Locked)
        {
            // Shown as they are: a submitted return's ratings answer these standards on this scale.
            form.Standards = round.Standards;
            form.RatingScale = round.RatingScale;
            form.ActionFromLevel = round.ActionFromLevel;
        }

        ViewBag.RoundId = round.Id;
        ViewBag.RoundTitle = round.Title;
        return form;
    }

    /// <summary>People to choose a lead from: those of the return's organisation, or of any organisation not yet in the round.</summary>
    private async Task<LeadForm> WithLeadOptionsAsync(LeadForm form, SelfAssessmentRound round, SelfAssessmentReturn? record, CancellationToken ct)
    {
        var inScope = db.SelfAssessmentReturns.Where(x => x.RoundId == round.Id && x.IsLive()).Select(x => x.OrganisationId);
        var people = db.People.AsNoTracking().Where(p => p.IsLive());
        people = record is null ? people.Where(p => !inScope.Contains(p.OrganisationId)) : people.Where(p => p.OrganisationId == record.OrganisationId);
        ViewBag.People = await people.OrderBy(p => p.Organisation!.Name).ThenBy(p => p.FullName)
            .Select(p => new SelectListItem(p.FullName + ", " + p.JobTitle + " (" + p.Organisation!.Name + ")", p.Id.ToString(CultureInfo.InvariantCulture)))
            .ToListAsync(ct);
        ViewBag.RoundId = round.Id;
        ViewBag.RoundTitle = round.Title;
        ViewBag.Organisation = record?.Organisation?.Name;
        ViewBag.ReturnId = record?.Id;
        return form;
    }

    private async Task WithFilesAsync(ReturnForm form, int returnId, FileStore store, CancellationToken ct)
    {
        form.Files = await db.EvidenceFiles.AsNoTracking()
            .Where(f => f.Answer!.ReturnId == returnId && f.IsLive())
            .OrderBy(f => f.Answer!.StandardNumber).ThenBy(f => f.Id)
            .Select(f => new EvidenceFileRow(f.Id, f.Answer!.StandardNumber, f.FileName!, f.Size))
            .ToListAsync(ct);
        form.FileHint = store.Hint;
        form.FileAccept = store.Accept;
    }

    private async Task<bool> Can(string policy) => (await authz.AuthorizeAsync(User, policy)).Succeeded;

    private Task<SelfAssessmentRound?> PreviousRoundAsync(SelfAssessmentKind kind, int beforeYear, CancellationToken ct) =>
        db.SelfAssessmentRounds.AsNoTracking()
            .Where(r => r.IsLive() && r.Kind == kind && r.CycleYear < beforeYear)
            .OrderByDescending(r => r.CycleYear).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(ct);

    private Task<Access<SelfAssessmentReturn>> LoadReturnAsync(int id, CancellationToken ct, bool tracked = false)
    {
        var query = db.SelfAssessmentReturns.Include(x => x.Round).Include(x => x.Organisation).Include(x => x.LeadPerson)
            .Where(x => x.Id == id && x.IsLive() && x.Round!.IsLive());
        if (tracked)
        {
            query = query.Include(x => x.Answers);
        }
        else
        {
            query = query.AsNoTracking();
        }

        return this.LoadAsync(query, Policies.CompleteReturn, ct);
    }

    private ReturnForm WithHeading(ReturnForm form, SelfAssessmentReturn record)
    {
        ViewBag.ReturnId = record.Id;
        ViewBag.RoundId = record.RoundId;
        ViewBag.RoundTitle = record.Round?.Title ?? "";
        ViewBag.Deadline = record.Round?.Deadline;
        ViewBag.Organisation = record.Organisation?.Name ?? "";
        ViewBag.Lead = record.LeadPerson?.FullName ?? "";
        ViewBag.Status = record.Status;
        ViewBag.SubmittedOn = record.SubmittedOn;
        return form;
    }

    private async Task<RoundForm> WithOptionsAsync(RoundForm form, CancellationToken ct)
    {
        ViewBag.Groups = await db.GroupOptionsAsync(ct);
        ViewBag.People = await db.People.AsNoTracking()
            .Where(p => p.IsLive() || form.LeadPersonIds.Contains(p.Id))
            .OrderBy(p => p.Organisation!.Name).ThenBy(p => p.FullName)
            .Select(p => new SelectListItem(p.FullName + ", " + p.JobTitle + " (" + p.Organisation!.Name + ")", p.Id.ToString(CultureInfo.InvariantCulture)))
            .ToListAsync(ct);
        return form;
    }

    private async Task<SessionForm> WithSessionOptionsAsync(SessionForm form, SelfAssessmentRound round, CancellationToken ct)
    {
        ViewBag.RoundId = round.Id;
        ViewBag.RoundTitle = round.Title;
        ViewBag.People = await db.PersonOptionsAsync(ct, form.ChairPersonId);
        var chosen = form.OrganisationIds;
        ViewBag.Organisations = await db.Organisations.AsNoTracking()
            .Where(o => db.SelfAssessmentReturns.Any(x => x.RoundId == round.Id && x.IsLive() && x.OrganisationId == o.Id) || chosen.Contains(o.Id))
            .OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture)))
            .ToListAsync(ct);
        return form;
    }

    private async Task<List<SessionRow>> SessionsAsync(int roundId, CancellationToken ct)
    {
        var sessions = await db.CheckChallengeSessions.AsNoTracking().Where(s => s.RoundId == roundId && s.IsLive())
            .OrderBy(s => s.HeldOn)
            .Select(s => new { s.Id, s.HeldOn, Chair = s.ChairPerson!.FullName, s.Notes, s.Version, Organisations = s.Organisations.Select(o => o.Organisation!.Name).ToList() })
            .ToListAsync(ct);
        return sessions.Select(s => new SessionRow(s.Id, s.HeldOn, s.Chair, s.Organisations.Order(StringComparer.Ordinal).ToList(), s.Notes) { Version = s.Version }).ToList();
    }

    private Task<List<ArchivedSessionRow>> ArchivedSessionsAsync(int roundId, CancellationToken ct) =>
        db.CheckChallengeSessions.AsNoTracking().Where(s => s.RoundId == roundId && s.IsArchived())
            .OrderBy(s => s.HeldOn).ThenBy(s => s.Id)
            .Select(s => new ArchivedSessionRow(s.Id, s.HeldOn, s.ArchivedBy, s.Version))
            .ToListAsync(ct);

    private async Task<SelfAssessmentAnswer?> ProposingAnswerAsync(int answerId, CancellationToken ct)
    {
        var answer = await db.SelfAssessmentAnswers.AsNoTracking()
            .Include(a => a.Return).ThenInclude(x => x!.Round).ThenInclude(r => r!.Group)
            .Include(a => a.Return).ThenInclude(x => x!.Organisation)
            .FirstOrDefaultAsync(a => a.Id == answerId && a.Return!.IsLive() && a.Return.Status == ReturnStatus.Submitted, ct);
        return answer is not null && SelfAssessmentRules.ProposesAction(answer.Rating, answer.Return!.Round!.ActionFromLevel) ? answer : null;
    }

    private void SetAnswerHeading(SelfAssessmentAnswer answer, string standard)
    {
        var scale = SelfAssessmentRules.Lines(answer.Return!.Round!.RatingScale);
        ViewBag.RoundId = answer.Return.RoundId;
        ViewBag.RoundTitle = answer.Return.Round.Title;
        ViewBag.Organisation = answer.Return.Organisation!.Name;
        ViewBag.Standard = $"{answer.StandardNumber}. {standard}";
        ViewBag.Rating = answer.Rating is { } r && r <= scale.Count ? scale[r - 1] : "";
        ViewBag.AnswerId = answer.Id;
    }

    private async Task<FindingActionForm> WithPeopleAsync(FindingActionForm form, CancellationToken ct)
    {
        ViewBag.People = await db.PersonOptionsAsync(ct);
        ViewBag.Organisations = await db.OrganisationOptionsAsync(ct);
        return form;
    }
}
