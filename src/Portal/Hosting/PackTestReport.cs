using Cerebellum.Rules;

namespace Cerebellum.Portal.Hosting;

/// <summary>
/// Prints one pack test's result; a failure as a small table of expected vs actual for every aspect the test
/// checks, with what is missing and what is extra for sets, so the author sees at a glance which rule misbehaved.
/// </summary>
internal static class PackTestReport
{
    public static void Write(TextWriter output, PackTestResult result)
    {
        output.WriteLine($"{(result.Passed ? "PASS" : "FAIL")}  {result.Name}");
        if (result.Passed) return;

        if (result.Actual is not { } actual)
        {
            output.WriteLine($"      error: {result.Failure}");
            return;
        }

        var expected = result.Expected;
        if (expected.Level is { } level)
            Line(output, "level", level.Name(), actual.Level.Name(), level == actual.Level);
        if (expected.Category is { } category)
            Line(output, "category", category, actual.Category, category == actual.Category);
        if (expected.Parties is { } parties)
            Set(output, "parties", parties.Order().Select(p => p.Name()), actual.Parties.Select(p => p.Name()));
        if (expected.Fired is { } fired)
            Set(output, "fired", fired, actual.FiredRules.Select(r => r.Id));
    }

    private static void Set(TextWriter output, string aspect, IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var want = expected.ToList();
        var got = actual.ToList();
        var missing = want.Except(got, StringComparer.Ordinal).ToList();
        var extra = got.Except(want, StringComparer.Ordinal).ToList();
        var same = missing.Count == 0 && extra.Count == 0;
        Line(output, aspect, $"[{string.Join(", ", want)}]", $"[{string.Join(", ", got)}]", same);
        if (missing.Count > 0) output.WriteLine($"      {"",-9}  - missing: {string.Join(", ", missing)}");
        if (extra.Count > 0) output.WriteLine($"      {"",-9}  + unexpected: {string.Join(", ", extra)}");
    }

    private static void Line(TextWriter output, string aspect, string expected, string actual, bool same) =>
        output.WriteLine(same
            ? $"      {aspect,-9}  ok        {expected}"
            : $"      {aspect,-9}  expected  {expected}{Environment.NewLine}      {"",-9}  actual    {actual}");
}
