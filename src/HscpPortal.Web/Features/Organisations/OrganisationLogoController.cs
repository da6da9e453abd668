using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Organisations;

public sealed class LogoPage
{
    public required int OrganisationId { get; init; }
    public required string OrganisationName { get; init; }
    public required bool IsPartner { get; init; }
    public OrganisationLogo? Current { get; init; }
    public string? AltText { get; init; }
}

/// <summary>
/// An organisation's logo for the yearly report's cover: PNG or JPEG up to 512 KB, with its alternative text. A new
/// upload archives the one before and removing archives it, so no uploaded logo is lost.
/// </summary>
[Route("organisations/{id:int}/logo")]
[Authorize(Policy = Policies.ManageStructure)]
public sealed class OrganisationLogoController(PortalDbContext db, TimeProvider clock) : Controller
{
    private const string FileField = "File";
    private const string AltField = "AltText";

    [HttpGet("")]
    public async Task<IActionResult> Index(int id, CancellationToken ct) =>
        await PageAsync(id, null, ct) is { } page ? View("/Features/Organisations/Logo.cshtml", page) : NotFound();

    [HttpPost("")]
    [RequestSizeLimit(4 * OrganisationLogo.MaxBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = 4 * OrganisationLogo.MaxBytes)]
    public async Task<IActionResult> Upload(int id, IFormFile? file, string? altText, CancellationToken ct)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == id, ct))
        {
            return NotFound();
        }

        altText = altText?.Trim();
        if (string.IsNullOrEmpty(altText))
        {
            ModelState.AddModelError(AltField, "Enter what the logo says, for people who cannot see it");
        }
        else if (altText.Length > 200)
        {
            ModelState.AddModelError(AltField, "The alternative text must be 200 characters or fewer");
        }

        var (error, data, contentType) = await ReadAsync(file, ct);
        if (error is not null)
        {
            ModelState.AddModelError(FileField, error);
        }

        if (!ModelState.IsValid)
        {
            return View("/Features/Organisations/Logo.cshtml", await PageAsync(id, altText, ct));
        }

        foreach (var earlier in await db.OrganisationLogos.Where(l => l.OrganisationId == id && l.IsLive()).ToListAsync(ct))
        {
            earlier.Archive(true, User.Identity?.Name, clock);
        }

        db.OrganisationLogos.Add(new OrganisationLogo { OrganisationId = id, ContentType = contentType!, Data = data!, AltText = altText! });
        await db.SaveChangesAsync(ct);
        return Redirect($"/organisations/{id}/logo?notice={Notices.Saved}");
    }

    [HttpPost("remove")]
    public async Task<IActionResult> Remove(int id, CancellationToken ct)
    {
        var live = await db.OrganisationLogos.Where(l => l.OrganisationId == id && l.IsLive()).ToListAsync(ct);
        if (live.Count == 0)
        {
            return NotFound();
        }

        foreach (var logo in live)
        {
            logo.Archive(true, User.Identity?.Name, clock);
        }

        await db.SaveChangesAsync(ct);
        return Redirect($"/organisations/{id}/logo?notice={Notices.Archived}");
    }

    /// <summary>The file's bytes and type, or why it cannot be used. The type is read from the file's first bytes, not its name.</summary>
    public static async Task<(string? Error, byte[]? Data, string? ContentType)> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return ("Select the logo: a PNG or JPEG file", null, null);
        }

        if (file.Length > OrganisationLogo.MaxBytes)
        {
            return ("The logo must be 512 KB or smaller", null, null);
        }

        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream())
        {
            await stream.CopyToAsync(buffer, ct);
        }

        var data = buffer.ToArray();
        var type = ImageType(data);
        return type is null ? ("The logo must be a PNG or JPEG image", null, null) : (null, data, type);
    }

    public static string? ImageType(ReadOnlySpan<byte> data) =>
        data.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;

    private async Task<LogoPage?> PageAsync(int id, string? altText, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new { o.Name, o.StatutoryPartner }).FirstOrDefaultAsync(ct);
        if (organisation is null)
        {
            return null;
        }

        var current = await db.OrganisationLogos.AsNoTracking().Where(l => l.OrganisationId == id && l.IsLive())
            .OrderByDescending(l => l.Id).FirstOrDefaultAsync(ct);
        return new LogoPage
        {
            OrganisationId = id,
            OrganisationName = organisation.Name,
            IsPartner = organisation.StatutoryPartner is not null,
            Current = current,
            AltText = altText ?? current?.AltText,
        };
    }
}
