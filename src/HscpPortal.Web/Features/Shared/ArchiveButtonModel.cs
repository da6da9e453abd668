namespace HscpPortal.Web.Features.Shared;

public sealed record ArchiveButtonModel(string BaseUrl, Guid Version, bool Archived, string What);
