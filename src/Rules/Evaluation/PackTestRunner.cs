using Cerebellum.Rules.Model;

namespace Cerebellum.Rules.Evaluation;

/// <summary>Checks one pack test. Parties and fired rules compare as sets: their order is not what a test is about.</summary>
internal static class PackTestRunner
{
    public static PackTestResult Run(CompiledRulePack pack, PackTestSpec test)
    {
        var expected = new PackTestExpected(test.Expect.Level, test.Expect.Category, test.Expect.Parties, test.Expect.Fired);
        Assessment actual;
        try
        {
            actual = pack.Assess(test.Given);
        }
        catch (RuleEvaluationException e)
        {
            return new PackTestResult(test.Name, false, e.Message) { Expected = expected };
        }

        var expect = test.Expect;
        var problems = new List<string>();
        if (expect.Level is { } level && level != actual.Level)
        {
            problems.Add($"expected level {level.Name()} but got {actual.Level.Name()}");
        }

        if (expect.Category is { } category && category != actual.Category)
        {
            problems.Add($"expected category {category} but got {actual.Category}");
        }

        if (expect.Parties is { } parties && !parties.Order().SequenceEqual(actual.Parties))
        {
            problems.Add($"expected parties [{Join(parties.Order().Select(p => p.Name()))}] but got [{Join(actual.Parties.Select(p => p.Name()))}]");
        }

        var firedIds = actual.FiredRules.Select(r => r.Id).ToList();
        if (expect.Fired is { } fired && !fired.Order(StringComparer.Ordinal).SequenceEqual(firedIds.Order(StringComparer.Ordinal)))
        {
            problems.Add($"expected fired [{Join(fired)}] but got [{Join(firedIds)}]");
        }

        return new PackTestResult(test.Name, problems.Count == 0, problems.Count == 0 ? null : string.Join("; ", problems))
        {
            Expected = expected,
            Actual = actual,
        };
    }

    private static string Join(IEnumerable<string> items) => string.Join(", ", items);
}
