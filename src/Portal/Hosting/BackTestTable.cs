using System.Globalization;
using Cerebellum.Rules.BackTesting;

namespace Cerebellum.Portal.Hosting;

/// <summary>Prints a back-test report as plain-text tables a rule author can read in a terminal or paste into a review.</summary>
internal static class BackTestTable
{
    public static void Write(TextWriter output, BackTestReport r)
    {
        var china = TimeSpan.FromHours(8);
        output.WriteLine($"Back-test of {r.PackId} v{r.PackVersion}, items recorded from {Local(r.From, china)} to {Local(r.To, china)} (Asia/Shanghai)");
        output.WriteLine($"{r.ItemsAssessed} items re-assessed in {r.CasesExamined} cases; {r.CasesChanged} cases would change.");
        if (r.FactsCompared > 0)
            output.WriteLine($"Facts rebuilt exactly as recorded for {r.FactsReproduced} of {r.FactsCompared} assessments" +
                (r.FactsReproduced < r.FactsCompared ? " (the registry or history counts changed since for the others)." : "."));

        output.WriteLine();
        output.WriteLine("Level            cases");
        foreach (var t in r.LevelTransitions)
            output.WriteLine($"  {(t.From == t.To ? t.From + " (same)" : $"{t.From} -> {t.To}"),-15}{t.Cases,6}");

        if (r.CategoryChanges.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Category changes                  cases");
            foreach (var t in r.CategoryChanges) output.WriteLine($"  {$"{t.From} -> {t.To}",-32}{t.Cases,6}");
        }

        if (r.RuleDifferences.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Rule                              newly fires   no longer fires   (cases)");
            foreach (var d in r.RuleDifferences) output.WriteLine($"  {d.RuleId,-32}{d.NewlyFiring,11}{d.NoLongerFiring,18}");
        }

        if (r.Affected.Count == 0) return;
        output.WriteLine();
        output.WriteLine("Cases that would change");
        output.WriteLine($"  {"case",-36}  {"kind",-18} {"recorded",-22} {"new",-22} rules");
        foreach (var c in r.Affected)
        {
            var rules = string.Join(" ", c.RulesAdded.Select(id => "+" + id).Concat(c.RulesRemoved.Select(id => "-" + id)));
            output.WriteLine($"  {c.CaseId,-36}  {c.Kind,-18} {Outcome(c.Recorded),-22} {Outcome(c.New),-22} " +
                (rules == "" ? string.Join(",", c.New.FiredRuleIds) : rules));
        }
    }

    private static string Outcome(CaseOutcome o) =>
        $"{o.LevelName}/{(o.Category == "" ? "-" : o.Category)}{(o.Failures > 0 ? " (failed)" : "")}";

    private static string Local(DateTimeOffset at, TimeSpan offset) =>
        at.ToOffset(offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
