using HscpPortal.Web.Domain;

namespace HscpPortal.UnitTests;

public class PersonalDataGuardTests
{
    [Theory]
    [InlineData("9434765919")]
    [InlineData("943 476 5919")]
    [InlineData("943-476-5919")]
    [InlineData("4010232137")]
    [InlineData("485 777 3457")]
    [InlineData("450-557-7104")]
    [InlineData("1234567881")]
    public void IsValidNhsNumber_CheckDigitMatches_IsTrue(string number)
    {
        Assert.True(PersonalDataGuard.IsValidNhsNumber(number.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("9434765918")] // check digit should be 9
    [InlineData("4010232138")] // check digit should be 7
    [InlineData("0800123456")] // the first nine digits give 10: no NHS number starts like this
    [InlineData("943476591")] // nine digits
    [InlineData("94347659190")] // eleven digits
    [InlineData("94347659a9")]
    public void IsValidNhsNumber_WrongCheckDigitOrShape_IsFalse(string number)
    {
        Assert.False(PersonalDataGuard.IsValidNhsNumber(number));
    }

    [Theory]
    [InlineData("NHS number 943 476 5919 held by the GP", 11, 12)]
    [InlineData("9434765919", 0, 10)]
    [InlineData("ref 943-476-5919.", 4, 12)]
    [InlineData("child (4857773457) open to CSC", 7, 10)]
    public void Find_ValidNhsNumber_IsFoundWithItsPosition(string text, int index, int length)
    {
        var finding = Assert.Single(PersonalDataGuard.Find(text));

        Assert.Equal(new PersonalDataFinding(PersonalDataKind.NhsNumber, index, length), finding);
    }

    [Theory]
    [InlineData("NHS number 943 476 5918")] // fails modulus 11
    [InlineData("Call the duty desk on 0800123456")] // ten-digit phone number failing modulus 11
    [InlineData("Call the duty desk on 0800 123456")]
    [InlineData("Front door 01432 260100")] // eleven digits
    [InlineData("Mobile 07700 900123")]
    [InlineData("Mobile 077009001234")]
    [InlineData("Case 1234567")]
    [InlineData("12 345 678 9012")] // part of a longer run
    [InlineData("ESC-2024-003")]
    public void Find_NumbersThatAreNotNhsNumbers_FindsNothing(string text)
    {
        Assert.Empty(PersonalDataGuard.Find(text));
    }

    [Theory]
    [InlineData("born 12/03/2015", "12/03/2015")]
    [InlineData("born 12-03-2015", "12-03-2015")]
    [InlineData("born 12.03.15", "12.03.15")]
    [InlineData("born 1/3/15", "1/3/15")]
    [InlineData("born 2015-03-12", "2015-03-12")]
    [InlineData("born 12 March 2015", "12 March 2015")]
    [InlineData("born 12th Mar 2015", "12th Mar 2015")]
    [InlineData("born 1st of September, 2015", "1st of September, 2015")]
    [InlineData("born March 12 2015", "March 12 2015")]
    [InlineData("born march 12th, 2015", "march 12th, 2015")]
    [InlineData("DOB: 29 Feb 2016.", "29 Feb 2016")]
    [InlineData("DOB: Sept 3 2016", "Sept 3 2016")]
    public void Find_FullDate_IsFoundAsDateOfBirth(string text, string date)
    {
        var finding = Assert.Single(PersonalDataGuard.Find(text));

        Assert.Equal(PersonalDataKind.DateOfBirth, finding.Kind);
        Assert.Equal(date, text.Substring(finding.Index, finding.Length));
    }

    [Theory]
    [InlineData("Strategy discussion requested in March 2015")]
    [InlineData("The child is aged 12")]
    [InlineData("aged 12 in 2015")]
    [InlineData("12 March")]
    [InlineData("March 12")]
    [InlineData("Year 12, 2015 cohort")]
    [InlineData("31/02/2015")] // no such day
    [InlineData("12/13/2015")] // no thirteenth month
    [InlineData("Reporting year 2023-24")]
    [InlineData("Version 1.2.3")]
    [InlineData("Stage 2 of 4, 5 working days")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_PartialDatesAndOtherNumbers_FindsNothing(string? text)
    {
        Assert.Empty(PersonalDataGuard.Find(text));
    }

    [Fact]
    public void Find_NhsNumberAndDate_FindsBothInOrder()
    {
        var findings = PersonalDataGuard.Find("Seen 12/03/2015, NHS 9434765919");

        Assert.Equal([PersonalDataKind.DateOfBirth, PersonalDataKind.NhsNumber], findings.Select(f => f.Kind));
    }

    [Theory]
    [InlineData(PersonalDataKind.NhsNumber, "The summary contains what looks like an NHS number. Use the pseudonymised case reference instead")]
    [InlineData(PersonalDataKind.DateOfBirth, "The summary contains what looks like a full date of birth.")]
    public void Explain_NamesTheFieldAndWhatToDo(PersonalDataKind kind, string start)
    {
        Assert.StartsWith(start, PersonalDataGuard.Explain("The summary", kind), StringComparison.Ordinal);
    }
}
