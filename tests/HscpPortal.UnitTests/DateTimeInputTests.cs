using System.Globalization;
using HscpPortal.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace HscpPortal.UnitTests;

/// <summary>The GOV.UK date input's day, month and year, and the 24-hour time field, as typed and as bound.</summary>
public class DateTimeInputTests
{
    [Theory]
    [InlineData("6", "2", "2025", 2025, 2, 6)]
    [InlineData("06", "02", "2025", 2025, 2, 6)]
    [InlineData(" 29 ", " 2 ", " 2024 ", 2024, 2, 29)]
    [InlineData("31", "Dec", "2025", 2025, 12, 31)]
    [InlineData("1", "february", "2025", 2025, 2, 1)]
    public void ReadDate_RealDate_IsTheDate(string day, string month, string year, int y, int m, int d)
    {
        var reading = DateTimeInput.ReadDate(day, month, year, "Due date");

        Assert.Equal(new DateOnly(y, m, d), reading.Value);
        Assert.Null(reading.Error);
    }

    [Theory]
    [InlineData("", "", "", null, DatePart.None)]
    [InlineData("6", "", "2025", "Due date must include a month", DatePart.Month)]
    [InlineData("", "", "2025", "Due date must include a day and month", DatePart.Day | DatePart.Month)]
    [InlineData("6", "2", "", "Due date must include a year", DatePart.Year)]
    [InlineData("31", "2", "2025", "Due date must be a real date", DatePart.Day)]
    [InlineData("29", "2", "2025", "Due date must be a real date", DatePart.Day)]
    [InlineData("0", "2", "2025", "Due date must be a real date", DatePart.Day)]
    [InlineData("1", "13", "2025", "Due date must be a real date", DatePart.Month)]
    [InlineData("abc", "2", "2025", "Due date must be a real date", DatePart.Day)]
    [InlineData("1", "2", "abcd", "Due date must be a real date", DatePart.Year)]
    [InlineData("1", "2", "0000", "Due date must be a real date", DatePart.Year)]
    [InlineData("99999999999999999999", "2", "2025", "Due date must be a real date", DatePart.Day)]
    [InlineData("-1", "2", "2025", "Due date must be a real date", DatePart.Day)]
    [InlineData("1", "2", "25", "Year must include 4 numbers", DatePart.Year)]
    [InlineData("1", "2", "20255", "Year must include 4 numbers", DatePart.Year)]
    public void ReadDate_NotARealDate_SaysWhatIsWrongAndWhere(string day, string month, string year, string? error, DatePart wrong)
    {
        var reading = DateTimeInput.ReadDate(day, month, year, "Due date");

        Assert.Null(reading.Value);
        Assert.Equal(error, reading.Error);
        Assert.Equal(wrong, reading.Wrong);
    }

    [Theory]
    [InlineData("15:00", 15, 0)]
    [InlineData("9:30", 9, 30)]
    [InlineData("09:30", 9, 30)]
    [InlineData("1500", 15, 0)]
    [InlineData("930", 9, 30)]
    [InlineData("15.00", 15, 0)]
    [InlineData("15", 15, 0)]
    [InlineData("00:00", 0, 0)]
    [InlineData("23:59", 23, 59)]
    [InlineData("3pm", 15, 0)]
    [InlineData("3:30 PM", 15, 30)]
    [InlineData("12am", 0, 0)]
    [InlineData("12pm", 12, 0)]
    public void ReadTime_24HourOrSpokenTime_IsTheTime(string text, int hour, int minute)
    {
        Assert.Equal(new TimeOnly(hour, minute), DateTimeInput.ReadTime(text, out var valid));
        Assert.True(valid);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("24:00")]
    [InlineData("15:60")]
    [InlineData("25:61")]
    [InlineData("15:0")]
    [InlineData("13pm")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("99999999999999999999")]
    public void ReadTime_NotATime_IsInvalid(string text)
    {
        Assert.Null(DateTimeInput.ReadTime(text, out var valid));
        Assert.False(valid);
    }

    [Fact]
    public void ReadTime_Blank_IsNoTimeAndValid()
    {
        Assert.Null(DateTimeInput.ReadTime("  ", out var valid));
        Assert.True(valid);
    }

    // ---------------------------------------------------------------- the binder

    [Fact]
    public async Task Bind_ThreeParts_IsTheDate()
    {
        var context = await BindAsync<DateOnly?>("DueDate", ("DueDate.Day", "6"), ("DueDate.Month", "2"), ("DueDate.Year", "2025"));

        Assert.True(context.Result.IsModelSet);
        Assert.Equal(new DateOnly(2025, 2, 6), context.Result.Model);
        Assert.Equal(0, context.ModelState.ErrorCount);
    }

    [Fact]
    public async Task Bind_MissingPart_ErrorUnderTheFieldWithWhatWasTyped()
    {
        var context = await BindAsync<DateOnly?>("DueDate", ("DueDate.Day", "6"), ("DueDate.Month", ""), ("DueDate.Year", "2025"));

        Assert.False(context.Result.IsModelSet);
        var entry = context.ModelState["DueDate"]!;
        Assert.Equal("Date must include a month", Assert.Single(entry.Errors).ErrorMessage);
        Assert.IsType<FieldInputException>(entry.Errors[0].Exception);
        Assert.Equal(new[] { "6", "", "2025" }, entry.RawValue);
    }

    [Fact]
    public async Task Bind_ImpossibleDate_RealDateError()
    {
        var context = await BindAsync<DateOnly?>("DueDate", ("DueDate.Day", "31"), ("DueDate.Month", "2"), ("DueDate.Year", "2025"));

        Assert.False(context.Result.IsModelSet);
        Assert.Equal("Date must be a real date", context.ModelState["DueDate"]!.Errors[0].ErrorMessage);
    }

    [Fact]
    public async Task Bind_TwoDigitYear_YearMustInclude4Numbers()
    {
        var context = await BindAsync<DateOnly?>("DueDate", ("DueDate.Day", "1"), ("DueDate.Month", "2"), ("DueDate.Year", "25"));

        Assert.Equal("Year must include 4 numbers", context.ModelState["DueDate"]!.Errors[0].ErrorMessage);
    }

    [Fact]
    public async Task Bind_AllPartsBlank_IsNoDateAndNoError()
    {
        var context = await BindAsync<DateOnly?>("To", ("To.Day", ""), ("To.Month", ""), ("To.Year", ""));

        Assert.True(context.Result.IsModelSet);
        Assert.Null(context.Result.Model);
        Assert.Equal(0, context.ModelState.ErrorCount);
    }

    [Fact]
    public async Task Bind_NoPartsButIsoValue_IsTheDate()
    {
        var context = await BindAsync<DateOnly?>("from", ("from", "2025-01-31"));

        Assert.Equal(new DateOnly(2025, 1, 31), context.Result.Model);
        Assert.Equal(0, context.ModelState.ErrorCount);
    }

    [Fact]
    public async Task Bind_IsoValueNotADate_RealDateErrorNotAnException()
    {
        var context = await BindAsync<DateOnly?>("from", ("from", "2024-02-30"));

        Assert.False(context.Result.IsModelSet);
        Assert.Equal("Date must be a real date", context.ModelState["from"]!.Errors[0].ErrorMessage);
    }

    [Fact]
    public async Task Bind_NothingSent_LeavesTheModelAlone()
    {
        var context = await BindAsync<DateOnly?>("DueDate", ("Title", "x"));

        Assert.Equal(default, context.Result);
        Assert.Empty(context.ModelState);
    }

    [Theory]
    [InlineData("15:00")]
    [InlineData("1500")]
    [InlineData("15.00")]
    [InlineData("3pm")]
    public async Task Bind_Time_IsTheTime(string typed)
    {
        var context = await BindAsync<TimeOnly?>("Start", ("Start", typed));

        Assert.Equal(new TimeOnly(15, 0), context.Result.Model);
    }

    [Fact]
    public async Task Bind_BadTime_24HourMessage()
    {
        var context = await BindAsync<TimeOnly?>("Start", ("Start", "25:61"));

        Assert.False(context.Result.IsModelSet);
        Assert.Equal("Enter the time in 24-hour format, for example 15:00", context.ModelState["Start"]!.Errors[0].ErrorMessage);
        Assert.Equal("25:61", context.ModelState["Start"]!.AttemptedValue);
    }

    [Fact]
    public void AddErrors_ValidatorMessageForAnUnreadableDate_KeepsTheBindersMessage()
    {
        var state = new ModelStateDictionary();
        DateTimeInputBinder.AddInputError(state, "DueDate", "Due date must be a real date");
        state.AddModelError("Count", "“x” is not a valid answer: check it and try again");

        state.AddErrors(new FluentValidation.Results.ValidationResult(
        [
            new FluentValidation.Results.ValidationFailure("DueDate", "Enter the date the action is due"),
            new FluentValidation.Results.ValidationFailure("Count", "Enter a number of meetings"),
        ]));

        Assert.Equal("Due date must be a real date", Assert.Single(state["DueDate"]!.Errors).ErrorMessage);
        Assert.Equal("Enter a number of meetings", Assert.Single(state["Count"]!.Errors).ErrorMessage);
    }

    private static async Task<DefaultModelBindingContext> BindAsync<T>(string name, params (string Key, string Value)[] values)
    {
        var query = new QueryCollection(values.ToDictionary(v => v.Key, v => new StringValues(v.Value)));
        var context = new DefaultModelBindingContext
        {
            ModelMetadata = new EmptyModelMetadataProvider().GetMetadataForType(typeof(T)),
            ModelName = name,
            ModelState = new ModelStateDictionary(),
            ValueProvider = new QueryStringValueProvider(BindingSource.Query, query, CultureInfo.InvariantCulture),
        };
        await new DateTimeInputBinder().BindModelAsync(context);
        return context;
    }
}
