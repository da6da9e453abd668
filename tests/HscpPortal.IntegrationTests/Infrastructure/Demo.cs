using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests.Infrastructure;

/// <summary>Names from Data/Demo/DemoStructure.cs and DemoSeeder.cs that tests rely on.</summary>
public static class Demo
{
    public static readonly string[] Users =
        ["admin", "team", "scrutineer", "council.partner", "icb.partner", "police.partner", "qe.chair", "member"];

    public const string Board = "Strategic Partners Board";
    public const string QualityAndEffectiveness = "Quality and Effectiveness Group";
    public const string JointCaseReview = "Joint Case Review Group";
    public const string DevelopmentAndPractice = "Development and Practice Group";
    public const string ChildExploitation = "Child Exploitation and Missing Group";
    public const string Mash = "MASH Group";
    public const string ExecutiveSupport = "Executive Support Group";
    public const string ChildNeglect = "Child Neglect Group";

    public const string Police = "West Mercia Police";
    public const string Council = "Herefordshire Council";
    public const string Diocese = "Diocese of Hereford";
    public const string WyeValley = "Wye Valley NHS Trust";

    public static string Email(string who) => who.Contains('@', StringComparison.Ordinal) ? who : $"{who}@demo.hscp.example";

    public static int GroupId(this PortalFactory factory, string name) =>
        factory.Query(db => db.Groups.Where(g => g.Name == name).Select(g => g.Id).Single());

    public static int OrganisationId(this PortalFactory factory, string name) =>
        factory.Query(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).Single());

    public static int PersonId(this PortalFactory factory, string fullName) =>
        factory.Query(db => db.People.Where(p => p.FullName == fullName).Select(p => p.Id).Single());

    public static string UserId(this PortalFactory factory, string who) =>
        factory.Query(db => db.Users.Where(u => u.Email == Email(who)).Select(u => u.Id).Single());

    public static Group Group(this PortalFactory factory, int id) =>
        factory.Query(db => db.Groups.AsNoTracking().Single(g => g.Id == id));

    public static Organisation Organisation(this PortalFactory factory, int id) =>
        factory.Query(db => db.Organisations.AsNoTracking().Single(o => o.Id == id));
}
