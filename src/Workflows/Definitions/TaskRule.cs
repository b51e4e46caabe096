using Cerebellum.Rules;
using Cerebellum.Workflows.Yaml;

namespace Cerebellum.Workflows;

/// <summary>
/// One party's task in a definition: whether it applies to a case, and its SLA per risk level.
/// The loader guarantees <see cref="Sla"/> has an entry for every level the task applies at.
/// </summary>
public sealed record TaskRule(Party Party, TaskTrigger When, RiskLevel? MinLevel, IReadOnlyDictionary<RiskLevel, DurationSpec> Sla)
{
    /// <summary>
    /// The task's identity within a case: the party's YAML name ("police"). A definition has at
    /// most one task per party, so the key is unique, and it does not depend on level or time,
    /// so re-dispatching after a level change yields the same keys for tasks already issued.
    /// </summary>
    public string Key => YamlNames.Of(Party);

    public bool AppliesAt(RiskLevel level) => MinLevel is null || level >= MinLevel.Value;

    public bool AppliesTo(RoutingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return AppliesAt(input.Level) && (When == TaskTrigger.Always || input.Parties.Contains(Party));
    }
}
