using System.Globalization;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.BankHolidays;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Escalations;

/// <summary>A rule the change broke, against the form field it concerns ("" for the whole form).</summary>
public sealed record EscalationProblem(string Field, string Message);

/// <summary>What is needed to log a new escalation; the validator has already checked each field.</summary>
public sealed record NewEscalation(
    DateOnly RaisedOn,
    int RaisingOrganisationId,
    string RaiserRole,
    int ConcernedOrganisationId,
    EscalationCategory Category,
    string CaseReference,
    string? Summary,
    int Stage,
    DateOnly? StageStartedOn,
    string? Note);

/// <summary>
/// The escalation log's rules: references by reporting year, the stage clock fixed when each stage starts,
/// moving up without skipping or going back, and resolution at the current stage. Each method returns the
/// rules the change broke; nothing is saved unless the list is empty.
/// </summary>
public sealed class EscalationService(PortalDbContext db, BankHolidayCalendar calendar, EscalationProtocol protocol, TimeProvider clock)
{
    private const int ReferenceAttempts = 5;

    /// <summary>"ESC-2024-", for escalations raised in the 2024-25 reporting year.</summary>
    public static string ReferencePrefix(DateOnly raisedOn) =>
        string.Create(CultureInfo.InvariantCulture, $"ESC-{ReportingYear.Containing(raisedOn).StartYear}-");

    public async Task<(Escalation? Escalation, IReadOnlyList<EscalationProblem> Problems)> RecordAsync(
        NewEscalation input, string? recordedBy, CancellationToken ct = default)
    {
        var today = UkTime.Today(clock);
        var startedOn = input.StageStartedOn ?? input.RaisedOn;
        var problems = new List<EscalationProblem>();
        if (input.RaisedOn > today)
        {
            problems.Add(new(nameof(EscalationForm.RaisedOn), "The date raised must be today or in the past"));
        }

        if (input.Stage < 1 || input.Stage > protocol.StageCount)
        {
            problems.Add(new(nameof(EscalationForm.Stage), $"Select a stage from 1 to {protocol.StageCount}"));
        }

        // Without a stage start date the stage starts on the date raised, which is checked above.
        if (input.StageStartedOn is { } given)
        {
            if (given < input.RaisedOn)
            {
                problems.Add(new(nameof(EscalationForm.StageStartedOn), $"The stage cannot start before the escalation was raised on {Format.Date(input.RaisedOn)}"));
            }
            else if (given > today)
            {
                problems.Add(new(nameof(EscalationForm.StageStartedOn), "The date the stage started must be today or in the past"));
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var working = await calendar.GetAsync(ct);
        var escalation = new Escalation
        {
            Reference = "",
            RaisedOn = input.RaisedOn,
            RaisingOrganisationId = input.RaisingOrganisationId,
            RaiserRole = input.RaiserRole,
            ConcernedOrganisationId = input.ConcernedOrganisationId,
            Category = input.Category,
            CaseReference = input.CaseReference,
            Summary = input.Summary,
            CurrentStage = input.Stage,
            Stages =
            [
                new EscalationStage
                {
                    Stage = input.Stage,
                    StartedOn = startedOn,
                    DueOn = protocol.DueOn(input.Stage, startedOn, working),
                    Note = input.Note,
                    RecordedAt = clock.GetUtcNow().UtcDateTime,
                    RecordedBy = recordedBy,
                },
            ],
        };
        db.Escalations.Add(escalation);

        // Two people recording at once can both take the next number; the unique index refuses the second,
        // which then takes the number after.
        for (var attempt = 1; ; attempt++)
        {
            escalation.Reference = await NextReferenceAsync(input.RaisedOn, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                return (escalation, []);
            }
            catch (DbUpdateException) when (attempt < ReferenceAttempts)
            {
                if (!await db.Escalations.AsNoTracking().AnyAsync(e => e.Reference == escalation.Reference, ct))
                {
                    throw;
                }
            }
        }
    }

    public async Task<string> NextReferenceAsync(DateOnly raisedOn, CancellationToken ct = default)
    {
        var prefix = ReferencePrefix(raisedOn);
        var taken = await db.Escalations.AsNoTracking()
            .Where(e => e.Reference.StartsWith(prefix))
            .Select(e => e.Reference)
            .ToListAsync(ct);
        var last = taken
            .Select(r => int.TryParse(r.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{last + 1:000}");
    }

    /// <summary>
    /// Moves the escalation to the next stage: the current stage ends the day the next one starts. Like
    /// <see cref="Resolve"/> and <see cref="Reopen"/> it changes the tracked escalation and leaves saving to the
    /// caller, which saves against the version the user saw.
    /// </summary>
    public async Task<IReadOnlyList<EscalationProblem>> MoveUpAsync(
        Escalation escalation, DateOnly on, StageMoveReason reason, string? note, string? recordedBy, CancellationToken ct = default)
    {
        var current = CurrentStage(escalation);
        var problems = new List<EscalationProblem>();
        if (escalation.IsResolved)
        {
            problems.Add(new("", $"This escalation was resolved on {Format.Date(escalation.ResolvedOn)}. Reopen it before moving it up a stage"));
        }
        else if (escalation.CurrentStage >= protocol.StageCount)
        {
            problems.Add(new("", $"This escalation is at the last stage of the protocol ({protocol.Describe(protocol.StageCount)}), so it cannot move up"));
        }

        CheckDate(problems, nameof(MoveUpForm.On), on, current, "the next stage started");
        if (problems.Count > 0)
        {
            return problems;
        }

        var next = escalation.CurrentStage + 1;
        var working = await calendar.GetAsync(ct);
        current.EndedOn = on;
        escalation.CurrentStage = next;
        escalation.Stages.Add(new EscalationStage
        {
            Stage = next,
            StartedOn = on,
            DueOn = protocol.DueOn(next, on, working),
            Reason = reason,
            Note = note,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedBy = recordedBy,
        });
        return [];
    }

    /// <summary>Resolves the escalation at the stage it has reached.</summary>
    public IReadOnlyList<EscalationProblem> Resolve(Escalation escalation, DateOnly on, string outcome, string impactForChild, string? learning)
    {
        var current = CurrentStage(escalation);
        var problems = new List<EscalationProblem>();
        if (escalation.IsResolved)
        {
            problems.Add(new("", $"This escalation was already resolved on {Format.Date(escalation.ResolvedOn)}"));
        }

        CheckDate(problems, nameof(ResolveForm.On), on, current, "it was resolved");
        if (problems.Count > 0)
        {
            return problems;
        }

        current.EndedOn = on;
        escalation.ResolvedOn = on;
        escalation.ResolvedAtStage = escalation.CurrentStage;
        escalation.Outcome = outcome;
        escalation.ImpactForChild = impactForChild;
        escalation.Learning = learning;
        return [];
    }

    /// <summary>
    /// Reopens a resolved escalation at the stage it was resolved at. The model has no field for the reason, so
    /// it is added to that stage's note; the audit trail keeps the resolution that was undone.
    /// </summary>
    public IReadOnlyList<EscalationProblem> Reopen(Escalation escalation, string reason, string? by)
    {
        if (!escalation.IsResolved)
        {
            return [new("", "This escalation is open, so there is nothing to reopen")];
        }

        var current = CurrentStage(escalation);
        var today = UkTime.Today(clock);
        var line = $"Reopened on {Format.Date(today)}{(by is null ? "" : " by " + by)}: {reason}";
        current.EndedOn = null;
        current.Note = string.IsNullOrEmpty(current.Note) ? line : current.Note + "\n" + line;
        escalation.ResolvedOn = null;
        escalation.ResolvedAtStage = null;
        return [];
    }

    private void CheckDate(List<EscalationProblem> problems, string field, DateOnly on, EscalationStage current, string what)
    {
        if (on < current.StartedOn)
        {
            problems.Add(new(field, $"The date {what} must be on or after {Format.Date(current.StartedOn)}, when stage {current.Stage} started"));
        }
        else if (on > UkTime.Today(clock))
        {
            problems.Add(new(field, $"The date {what} must be today or in the past"));
        }
    }

    private static EscalationStage CurrentStage(Escalation escalation) =>
        escalation.Stages.SingleOrDefault(s => s.Stage == escalation.CurrentStage)
        ?? throw new InvalidOperationException($"Escalation {escalation.Id} has no record of its current stage {escalation.CurrentStage}; load its stages first");
}
