namespace HscpPortal.Web.Domain;

/// <summary>An England and Wales bank holiday, as published by GOV.UK (https://www.gov.uk/bank-holidays.json).</summary>
public class BankHoliday
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public required string Title { get; set; }
    public string? Notes { get; set; }
    public bool Bunting { get; set; }
}
