using Cerebellum.Rules.Model;

namespace Cerebellum.Rules.Evaluation;

/// <summary>
/// The pack semantics in one place: level = highest fired level; parties = union in stable order; category =
/// the highest-priority fired rule's (ties go to the rule written first); no rule fired = the pack defaults.
/// </summary>
internal static class OutcomeCombiner
{
    public static Assessment Combine(string packId, int version, PackDefaults defaults, IEnumerable<RuleSpec> fired)
    {
        var ordered = fired.OrderByDescending(r => r.Rule.Priority).ThenBy(r => r.Index).ToList();
        if (ordered.Count == 0)
        {
            return new Assessment(packId, version, defaults.Level, defaults.Category, defaults.Parties, []);
        }

        var level = ordered.Max(r => r.Rule.Outcome.Level);
        var parties = ordered.SelectMany(r => r.Rule.Outcome.Parties).Distinct().Order().ToList();
        var firedRules = ordered
            .Select(r => new FiredRule(r.Rule.Id, r.Rule.Outcome.Level, r.Rule.Outcome.Category, r.Rule.Priority, r.Rule.Outcome.Reason))
            .ToList();
        return new Assessment(packId, version, level, ordered[0].Rule.Outcome.Category, parties, firedRules);
    }
}
