using System.Globalization;
using HscpPortal.Web.Domain;

namespace HscpPortal.Web.Features.Shared;

/// <summary>en-GB presentation: "24 November 2026", "£471,919", Europe/London times.</summary>
public static class Format
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 1 ? string.Concat(all) : $"{string.Join(", ", all.Take(all.Count - 1))} and {all[^1]}";
    }

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", UkCulture) ?? "";

    public static string DateTime(DateTime? utc) =>
        utc is null ? "" : UkTime.ToLocal(utc.Value).ToString("d MMMM yyyy 'at' h:mmtt", UkCulture).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);

    /// <summary>
    /// A value as the audit trail recorded it, for reading: its dates are stored as ISO 8601 (yyyy-MM-dd) so the
    /// record is unambiguous, and are shown as "6 February 2025" like every other date.
    /// </summary>
    public static string Recorded(string value) =>
        value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Date(date)
            : value;

    public static string Money(decimal amount) => amount.ToString("C0", UkCulture);

    /// <summary>"340 KB", "2.4 MB": as GOV.UK shows file sizes beside a download.</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => string.Create(UkCulture, $"{Math.Max(1, bytes / 1024):N0} KB"),
        _ => string.Create(UkCulture, $"{bytes / (1024.0 * 1024):0.0} MB"),
    };

    public static string Period(DateOnly from, DateOnly? to) =>
        to is null ? $"from {Date(from)}" : $"{Date(from)} to {Date(to)}";

    public static string Humanise(Enum value) => value switch
    {
        StatutoryPartner.LocalAuthority => "Local authority",
        StatutoryPartner.IntegratedCareBoard => "Integrated care board",
        StatutoryPartner.Police => "Police",
        RepresentationRole.LeadPartner => "Lead safeguarding partner",
        RepresentationRole.DelegatedPartner => "Delegated safeguarding partner",
        RepresentationRole.Deputy => "Deputy",
        Sector.EarlyYears => "Early years",
        Sector.LocalAuthority => "Local authority",
        Sector.YouthJustice => "Youth justice",
        Sector.FireAndRescue => "Fire and rescue",
        Sector.VoluntaryAndCommunity => "Voluntary and community",
        Sector.DomesticAbuse => "Domestic abuse",
        Sector.ResidentialCare => "Residential care",
        GroupKind.TaskAndFinish => "Task and finish group",
        GroupKind.PractitionerForum => "Practitioner forum",
        MeetingFrequency.SixWeekly => "Every 6 weeks",
        MeetingFrequency.BiMonthly => "Every 2 months",
        MeetingFrequency.TwiceYearly => "Twice a year",
        MeetingFrequency.AsRequired => "As required",
        MembershipRole.ViceChair => "Vice-chair",
        QuorumRule.StatutoryPartners => "Every statutory partner, each by its lead, DSP or named deputy",
        QuorumRule.StatutoryPartnersPlusAgencies => "Every statutory partner (lead, DSP or deputy) and a number of relevant agencies",
        QuorumRule.MinimumPresent => "A minimum number of people present",
        QuorumRule.PartnerOrganisationsPresent => "Every statutory partner, each by anyone attending for it",
        GroupKind.MultiAgencyChildProtectionTeam => "Multi-agency child protection team",
        CoreDiscipline.SocialWork => "Social work",
        AgencyDesignation.Education => "Designated education agency",
        AgencyDesignation.Childcare => "Designated childcare agency",
        AuditMethod.JtaiTool => "JTAI audit tool",
        AuditStatus.ReAuditDue => "Re-audit due",
        AuditReason.Data => "Performance data",
        AuditReason.Priority => "A business plan priority",
        AuditReason.CaseReview => "A case review",
        AuditReason.ScrutinyChallenge => "A scrutiny challenge",
        AuditReason.PractitionerConcern => "Practitioners' concern",
        _ => SplitWords(value.ToString()),
    };

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Options<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(Humanise(v), v.ToString()));

    private static string SplitWords(string name)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", " ");
        return words.Length == 0 ? words : words[0] + words[1..].ToLowerInvariant();
    }
}
