namespace Cerebellum.Rules;

/// <summary>Either a compiled pack (no diagnostics) or the diagnostics explaining why there is none.</summary>
public sealed record RulePackLoadResult(CompiledRulePack? Pack, IReadOnlyList<RuleDiagnostic> Diagnostics)
{
    public bool Succeeded => Pack is not null && Diagnostics.Count == 0;
}
