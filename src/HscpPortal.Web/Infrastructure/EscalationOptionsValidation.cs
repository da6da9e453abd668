using System.Globalization;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Infrastructure;

/// <summary>
/// Refuses to start with an escalation protocol that makes no sense, since every stage's due date is fixed
/// from it when the stage starts and a mistake would be written into the log's history. No stages configured
/// means the defaults.
/// </summary>
public sealed class EscalationOptionsValidation : IValidateOptions<EscalationOptions>
{
    public const int MinStages = 2;
    public const int MaxStages = 6;
    public const int MaxWorkingDays = 60;

    public ValidateOptionsResult Validate(string? name, EscalationOptions options)
    {
        var stages = options.Stages;
        if (stages.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (stages.Count is < MinStages or > MaxStages)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"Escalations:Stages has {stages.Count} stage(s): configure {MinStages} to {MaxStages} stages, or none for the defaults."));
        }

        for (var i = 0; i < stages.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(stages[i].Name))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"Escalations:Stages:{i}:Name is empty: give stage {i + 1} a name."));
            }

            if (stages[i].WorkingDays is < 1 or > MaxWorkingDays)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Escalations:Stages:{i}:WorkingDays is {stages[i].WorkingDays}: stage {i + 1} needs 1 to {MaxWorkingDays} working days."));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
