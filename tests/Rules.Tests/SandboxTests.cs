using Cerebellum.Rules.Tests.Support;

namespace Cerebellum.Rules.Tests;

/// <summary>Conditions reach the facts and nothing else: no CLR types, no reflection, no side effects.</summary>
public class SandboxTests
{
    [Theory]
    [InlineData("System.IO.File.Exists(\"x\")", "Unknown identifier 'System'")]
    [InlineData("Environment.Exit(1) == null", "Unknown identifier 'Environment'")]
    [InlineData("Console.ReadLine() == \"\"", "Unknown identifier 'Console'")]
    [InlineData("typeof(string) != null", "Unknown identifier 'string'")]
    [InlineData("new object() != null", "Unknown identifier 'object'")]
    [InlineData("Math.Abs(Trigger.Severity) > 1", "Unknown identifier 'Math'")]
    [InlineData("x => true", "Unknown identifier 'x'")]
    public void Outside_types_are_unknown(string when, string message)
    {
        var diagnostic = Packs.ForCondition(when);

        diagnostic.Message.ShouldStartWith(message);
        diagnostic.Line.ShouldBe(9);
    }

    [Theory]
    [InlineData("Trigger.GetType() != null", "GetType", 19)]
    [InlineData("Trigger.Kind.GetType() != null", "GetType", 24)]
    [InlineData("Trigger.ToString() == \"\"", "ToString", 19)]
    [InlineData("Trigger.Equals(Case)", "Equals", 19)]
    [InlineData("Household.GetHashCode() > 0", "GetHashCode", 21)]
    [InlineData("Trigger.Kind.PadLeft(100000000) == \"\"", "PadLeft", 24)]
    [InlineData("Trigger.Kind.Split(\",\").Length > 1", "Split", 24)]
    [InlineData("int.Parse(Trigger.Kind) > 1", "Parse", 15)]
    [InlineData("int.MaxValue > Trigger.Severity", "MaxValue", 15)]
    [InlineData("Trigger.OccurredAt.Hour > 3", "Hour", 30)]
    public void Members_beyond_the_allow_list_are_rejected_at_their_position(string when, string name, int column)
    {
        var diagnostic = Packs.ForCondition(when);

        diagnostic.At().ShouldBe((9, column));
        diagnostic.Message.ShouldStartWith($"'{name}' is not available in rule expressions.");
        diagnostic.Message.ShouldContain("the functions Between, In, ContainsAny, LevelAtLeast");
    }

    [Theory]
    [InlineData("Trigger.Severity = 5")]
    [InlineData("(Trigger.Severity = 5) > 0")]
    public void Assignment_is_rejected(string when)
    {
        var diagnostic = Packs.ForCondition(when);

        diagnostic.Message.ShouldBe("Assignment is not allowed in a condition; use '==' to compare.");
    }

    [Fact]
    public void Allowed_string_members_numeric_casts_and_functions_work()
    {
        var pack = Packs.Compile(
            Packs.Rule("strings", "Trigger.Text.Trim().ToLowerInvariant().StartsWith(\"leak\") && Trigger.Text.Length > 5 && Trigger.Kind.Contains(\"water\")"),
            Packs.Rule("casts", "(double)Case.ItemCount / Case.SignalCount > 1.5"),
            Packs.Rule("ternary", "'(Clock.IsNight ? 2 : 1) * Trigger.Severity >= 6'"),
            Packs.Rule("concat", "Location.Building + \"-\" + Location.Unit == \"3-301\""));
        var facts = AssessmentFacts.Empty with
        {
            Trigger = new TriggerFact { Kind = "water-leak", Text = "  LEAK in the kitchen", Severity = 3 },
            Case = new CaseFact { ItemCount = 4, SignalCount = 2 },
            Location = new LocationFact { Building = "3", Unit = "301" },
            Clock = new ClockFact { IsNight = true },
        };

        pack.Assess(facts).FiredIds().ShouldBe(["strings", "casts", "ternary", "concat"]);
        pack.Assess(facts with { Clock = new ClockFact() }).FiredIds().ShouldNotContain("ternary");
    }
}
