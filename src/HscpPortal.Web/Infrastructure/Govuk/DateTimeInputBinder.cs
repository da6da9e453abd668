using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace HscpPortal.Web.Infrastructure.Govuk;

/// <summary>
/// A date or time the person typed that cannot be read. Its message already says what is wrong with what was typed,
/// so a validator's "Enter the date" for the same (now empty) field does not replace it.
/// </summary>
public sealed class FieldInputException(string message) : Exception(message);

/// <summary>
/// Binds DateOnly from the GOV.UK date input's three fields (<c>{Name}.Day</c>, <c>.Month</c>, <c>.Year</c>), or, when
/// they are absent, from one ISO value (<c>{Name}=2025-01-31</c>) as links and query strings carry it; and TimeOnly
/// from a 24-hour time as typed. A value that is not a real date or time is a GOV.UK error message under the field's
/// name, never an exception, and what was typed is kept in model state to be shown again.
/// </summary>
public sealed class DateTimeInputBinder : IModelBinder
{
    public const string Day = ".Day";
    public const string Month = ".Month";
    public const string Year = ".Year";

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var type = Nullable.GetUnderlyingType(bindingContext.ModelType) ?? bindingContext.ModelType;
        if (type == typeof(TimeOnly))
        {
            BindTime(bindingContext);
        }
        else
        {
            BindDate(bindingContext);
        }

        return Task.CompletedTask;
    }

    public static string Label(ModelBindingContext context, string fallback) =>
        context.ModelMetadata.DisplayName ?? fallback;

    /// <summary>Records a message that says what is wrong with what was typed (see <see cref="FieldInputException"/>).</summary>
    public static void AddInputError(ModelStateDictionary state, string key, string message)
    {
        var before = state.ErrorCount;
        state.AddModelError(key, message);
        if (state.ErrorCount > before && state[key] is { Errors.Count: > 0 } entry)
        {
            entry.Errors[^1] = new ModelError(new FieldInputException(message), message);
        }
    }

    private static void BindDate(ModelBindingContext context)
    {
        var name = context.ModelName;
        var provider = context.ValueProvider;
        var day = provider.GetValue(name + Day);
        var month = provider.GetValue(name + Month);
        var year = provider.GetValue(name + Year);
        var label = Label(context, "Date");

        DateReading reading;
        if (day == ValueProviderResult.None && month == ValueProviderResult.None && year == ValueProviderResult.None)
        {
            var single = provider.GetValue(name);
            if (single == ValueProviderResult.None)
            {
                return;
            }

            context.ModelState.SetModelValue(name, single);
            reading = DateTimeInput.ReadIsoDate(single.FirstValue, label);
        }
        else
        {
            // Kept as typed, so that the form shows "31", "2", "2025" again beside the message about them.
            string?[] parts = [day.FirstValue, month.FirstValue, year.FirstValue];
            context.ModelState.SetModelValue(name, parts, string.Join('/', parts));
            reading = DateTimeInput.ReadDate(parts[0], parts[1], parts[2], label);
        }

        Finish(context, reading.Value, reading.Error);
    }

    private static void BindTime(ModelBindingContext context)
    {
        var name = context.ModelName;
        var value = context.ValueProvider.GetValue(name);
        if (value == ValueProviderResult.None)
        {
            return;
        }

        context.ModelState.SetModelValue(name, value);
        var time = DateTimeInput.ReadTime(value.FirstValue, out var valid);
        Finish(context, time, valid ? null : DateTimeInput.TimeError(Label(context, "Time")));
    }

    private static void Finish(ModelBindingContext context, object? value, string? error)
    {
        if (error is not null)
        {
            AddInputError(context.ModelState, context.ModelName, error);
            context.Result = ModelBindingResult.Failed();
        }
        else if (value is null && !context.ModelMetadata.IsReferenceOrNullableType)
        {
            // A blank where a value type needs one: left at its default, as the framework's own binder leaves it.
            context.Result = ModelBindingResult.Failed();
        }
        else
        {
            context.Result = ModelBindingResult.Success(value);
        }
    }
}

/// <summary>Puts <see cref="DateTimeInputBinder"/> in front of the framework's simple-type binder for DateOnly and TimeOnly.</summary>
public sealed class DateTimeInputBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type == typeof(DateOnly) || type == typeof(TimeOnly) ? new DateTimeInputBinder() : null;
    }

    public static void Register(IList<IModelBinderProvider> providers)
    {
        var simple = providers.Select((p, i) => (p, i)).FirstOrDefault(x => x.p is SimpleTypeModelBinderProvider);
        providers.Insert(simple.p is null ? 0 : simple.i, new DateTimeInputBinderProvider());
    }
}
