using HscpPortal.Web.Domain;

namespace HscpPortal.Web.Infrastructure;

/// <summary>Settings under <c>Escalations</c>: the protocol's stages, in order.</summary>
public sealed class EscalationOptions
{
    public const string Section = "Escalations";

    public List<EscalationStageSetting> Stages { get; set; } = [];

    public EscalationProtocol ToProtocol() =>
        new(Stages.Count == 0 ? null : Stages.Select(s => new EscalationStageDefinition(s.Name, s.WorkingDays)).ToList());
}

public sealed class EscalationStageSetting
{
    public string Name { get; set; } = "";
    public int WorkingDays { get; set; }
}
