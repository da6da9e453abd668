namespace HscpPortal.Web.Domain;

/// <summary>The people present at one held meeting.</summary>
public sealed record HeldMeeting(int MeetingId, DateOnly Date, IReadOnlyCollection<PresentPerson> Present);

/// <summary>
/// A statutory partner's attendance over a set of meetings, as the yearly report shows it: meetings the DSP
/// attended, meetings a deputy or other representative attended (with or without the DSP), and meetings
/// with nobody for the partner.
/// </summary>
public sealed record PartnerAttendance(StatutoryPartner Partner, int OrganisationId, string Name, int Held, int DspAttended, int RepresentativeAttended, int Nobody)
{
    public static int Percent(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(100m * part / whole, MidpointRounding.AwayFromZero);

    public int DspPercent => Figures.DspPercent;
    public int RepresentativePercent => Percent(RepresentativeAttended, Held);
    public int NobodyPercent => Percent(Nobody, Held);

    /// <summary>Meetings the partner was represented at by anyone: its DSP, or a deputy or other representative.</summary>
    public int DspOrDeputyAttended => Figures.DspOrDeputyAttended;
    public int DspOrDeputyPercent => Figures.DspOrDeputyPercent;

    /// <summary>The two headline figures ("DSP attended", "DSP or a deputy attended"), from <see cref="BoardAttendanceFigures.Of"/>.</summary>
    public BoardAttendanceFigures Figures => BoardAttendanceFigures.Of(Held, DspAttended, Nobody);
}

/// <summary>
/// A partner's two headline board attendance figures, defined here once for the dashboard tile, the attendance report
/// and the yearly report: the meetings its DSP attended, and the meetings the DSP or a deputy (or other representative)
/// attended for it. The second is the meetings held less those where nobody represented the partner, and any meeting the
/// DSP attended was represented, so "DSP or deputy" is never below "DSP" (nor, as a percentage of the same meetings, its
/// rounded percentage).
/// </summary>
public sealed record BoardAttendanceFigures(int Held, int DspAttended, int DspOrDeputyAttended)
{
    public int DspPercent => PartnerAttendance.Percent(DspAttended, Held);
    public int DspOrDeputyPercent => PartnerAttendance.Percent(DspOrDeputyAttended, Held);

    /// <param name="held">Meetings held while the organisation was a partner.</param>
    /// <param name="dspAttended">Of those, meetings its DSP attended.</param>
    /// <param name="nobody">Of those, meetings nobody attended for it (neither the DSP nor a deputy or other representative).</param>
    public static BoardAttendanceFigures Of(int held, int dspAttended, int nobody)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dspAttended);
        ArgumentOutOfRangeException.ThrowIfNegative(nobody);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dspAttended + nobody, held, nameof(held));
        return new BoardAttendanceFigures(held, dspAttended, held - nobody);
    }
}

public static class AttendanceStatistics
{
    /// <summary>
    /// Each partner's attendance over the meetings held while it was a partner (<paramref name="isPartnerOn"/>): a
    /// partner that joined in the year is counted from its first day, not marked absent before it.
    /// </summary>
    public static IReadOnlyList<PartnerAttendance> ForPartners(
        IReadOnlyCollection<HeldMeeting> meetings,
        IReadOnlyCollection<PartnerOrganisation> partners,
        IReadOnlyCollection<PartnerRepresentative> history,
        Func<int, DateOnly, bool>? isPartnerOn = null) =>
        partners.OrderBy(p => p.Partner).ThenBy(p => p.Name, StringComparer.Ordinal).Select(partner =>
        {
            int dsp = 0, other = 0, nobody = 0;
            var itsMeetings = meetings.Where(m => isPartnerOn?.Invoke(partner.OrganisationId, m.Date) ?? true).ToList();
            foreach (var meeting in itsMeetings)
            {
                var dspHolders = Partnership.HoldersOn(history, partner.OrganisationId, RepresentationRole.DelegatedPartner, meeting.Date)
                    .Select(h => h.PersonId).ToHashSet();
                var forPartner = meeting.Present
                    .Where(p => p.OrganisationId == partner.OrganisationId || Partnership.CanRepresent(history, partner.OrganisationId, p.PersonId, meeting.Date))
                    .Select(p => p.PersonId)
                    .Distinct()
                    .ToList();
                var dspThere = forPartner.Any(dspHolders.Contains);
                var otherThere = forPartner.Any(p => !dspHolders.Contains(p));
                dsp += dspThere ? 1 : 0;
                other += otherThere ? 1 : 0;
                nobody += !dspThere && !otherThere ? 1 : 0;
            }

            return new PartnerAttendance(partner.Partner, partner.OrganisationId, partner.Name, itsMeetings.Count, dsp, other, nobody);
        }).ToList();
}
