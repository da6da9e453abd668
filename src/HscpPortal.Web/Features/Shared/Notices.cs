namespace HscpPortal.Web.Features.Shared;

/// <summary>
/// Confirmation banners after a redirect, carried as a fixed key in the query string so the portal needs
/// no cookie beyond authentication and anti-forgery.
/// </summary>
public static class Notices
{
    public const string Created = "created";
    public const string Saved = "saved";
    public const string Archived = "archived";
    public const string Restored = "restored";
    public const string Stale = "stale";
    public const string SignedOutEverywhere = "signed-out-everywhere";
    public const string CalendarLinksReset = "calendar-links-reset";
    public const string Purged = "purged";
    public const string AttendanceSaved = "attendance-saved";
    public const string MarkedHeld = "held";
    public const string MinutesCirculated = "circulated";
    public const string MinutesApproved = "approved";
    public const string SignedOff = "signed";
    public const string Reminded = "reminded";
    public const string AlreadyReminded = "already-reminded";
    public const string NotReminded = "not-reminded";

    /// <summary>
    /// A page that knows the particulars (which meeting, which date) puts its own wording for the notice here,
    /// for the layout to show instead of the general text.
    /// </summary>
    public const string SpecificTextKey = "NoticeText";

    public static string? Text(string? key) => key switch
    {
        Created => "The record has been created.",
        Saved => "Your changes have been saved.",
        Archived => "The record has been archived. It stays in the history and can be restored.",
        Restored => "The record has been restored.",
        SignedOutEverywhere => "You have been signed out on every device. Sign in again to carry on.",
        CalendarLinksReset => "Your calendar addresses have changed. The old ones no longer work: subscribe again from each group's calendar page.",
        Purged => "The paper's file has been destroyed. The agenda still shows the paper's title, and the audit trail records why.",
        AttendanceSaved => "The attendance register has been saved.",
        MarkedHeld => "The meeting has been recorded as held.",
        MinutesCirculated => "The minutes have been circulated.",
        MinutesApproved => "The minutes have been approved.",
        SignedOff => "Your sign-off has been recorded.",
        Reminded => "The lead has been emailed a reminder.",
        _ => null,
    };

    /// <summary>Notices that report a problem rather than a success.</summary>
    public static string? Problem(string? key) => key switch
    {
        Stale => "This record was changed by someone else since you opened it. Nothing has been saved: check the record and try again.",
        AlreadyReminded => "The lead has already been sent a reminder of this return today. Nothing was sent: try again tomorrow.",
        NotReminded => "No reminder was sent: the return is submitted or closed, its lead has no email address, or the email could not be sent.",
        _ => null,
    };
}
