using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Audits;
using HscpPortal.Web.Reporting;
using K = HscpPortal.Web.Reporting.ReportSectionKeys;

namespace HscpPortal.UnitTests;

/// <summary>The readiness item "evidence of effectiveness" counts audits reported in the year, with words on what they changed.</summary>
public sealed class AuditsReadinessTests
{
    private static YearlyReportModel Report(int audits, string? auditsCommentary, string? training)
    {
        AssembledSection Data(string key, object? model = null, string? text = null) =>
            new() { Key = key, Title = key, Kind = ReportSectionKind.Data, Built = true, Model = model, Text = text };
        var rows = Enumerable.Range(1, audits).Select(i => new AuditReportRow(
            $"Audit {i}", "Theme", AuditMethod.DipSample, 10, "Quality and Effectiveness Group", new DateOnly(2023, 10, 1),
            [], [], ["Something to improve"], 0, 0, null, null, null)).ToList();
        return new YearlyReportModel
        {
            Year = new ReportingYear(2023),
            PartnershipName = "Test partnership",
            AsAt = new DateOnly(2024, 3, 31),
            Sections =
            [
                Data(K.BoardImpact),
                Data(K.ActionPlans),
                Data(K.Audits, new AuditsSectionModel { Audits = rows, CasesSampled = 10 * audits, OnProgramme = audits }, auditsCommentary),
                new() { Key = K.Training, Title = "Training", Kind = ReportSectionKind.Data, Built = false, Text = training },
            ],
        };
    }

    private static ReadinessItem Effectiveness(YearlyReportModel report) => ReportReadiness.Check(report).Single(i => i.Key == ReadinessKeys.Effectiveness);

    [Fact]
    public void AuditsWithCommentaryAndTraining_MeetEffectiveness()
    {
        var item = Effectiveness(Report(3, "The audits changed how strategy meetings are recorded.", "Training was delivered."));

        Assert.True(item.Present);
        Assert.StartsWith("3 multi-agency audits reported in 2023-24, and the audits commentary says what they changed.", item.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AuditsWithoutCommentary_AreNotEvidenceOnTheirOwn()
    {
        var item = Effectiveness(Report(2, null, "Training was delivered."));

        Assert.False(item.Present);
        Assert.Contains("2 multi-agency audits reported in 2023-24, but neither", item.Detail, StringComparison.Ordinal);
        Assert.Equal("/reports/yearly/2023-24/sections/" + K.Commentary(K.Audits), item.FixUrl);
    }

    [Fact]
    public void CommentaryWithoutAnyAuditReported_DoesNotCount()
    {
        Assert.False(Effectiveness(Report(0, "We planned audits.", "Training was delivered.")).Present);
    }
}
