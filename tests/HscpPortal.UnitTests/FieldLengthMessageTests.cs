using FluentValidation;
using FluentValidation.Validators;
using HscpPortal.Web.Domain;

namespace HscpPortal.UnitTests;

/// <summary>
/// Every length limit on a form field says, in the portal's words, what the limit is ("Minutes must be 20,000
/// characters or fewer"), never FluentValidation's default "The length of 'CancellationReason' must be...". A long
/// paste reaches these validators (see RequestLimits), so their message is what the user reads.
/// </summary>
public sealed class FieldLengthMessageTests
{
    public static TheoryData<string> Validators()
    {
        var data = new TheoryData<string>();
        foreach (var type in ValidatorTypes())
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    private static IEnumerable<Type> ValidatorTypes() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t)
                && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Validators))]
    public void LengthRules_EveryValidator_HaveTheirOwnMessage(string validatorName)
    {
        var type = typeof(Program).Assembly.GetType(validatorName)!;
        // Building the rules needs the constructor's services only when they are plain settings (the escalation
        // protocol's stages); a database is used only when a rule runs, so null stands in for it.
        var arguments = type.GetConstructors()[0].GetParameters()
            .Select(p => p.ParameterType == typeof(EscalationProtocol) ? new EscalationProtocol() : null)
            .ToArray();
        var validator = (IValidator)Activator.CreateInstance(type, arguments)!;

        var defaults = validator.CreateDescriptor().Rules
            .SelectMany(rule => rule.Components.Select(c => (rule.PropertyName, Component: c)))
            .Where(x => x.Component.Validator is ILengthValidator && x.Component.GetUnformattedErrorMessage().Contains("{PropertyName}", StringComparison.Ordinal))
            .Select(x => x.PropertyName ?? "(child rule)")
            .ToList();

        Assert.Empty(defaults);
    }
}
