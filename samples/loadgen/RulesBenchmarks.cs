using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Cerebellum.Rules;

namespace Cerebellum.Loadgen;

/// <summary>Rule evaluation cost, single thread: one assessment of the sample pack per operation over a
/// realistic mix of facts (assessments/s per core = 1e9 / mean ns), and loading + compiling a generated
/// 500-rule pack (validation, expression compilation, NRules session factory).</summary>
[MemoryDiagnoser]
public class RulesBenchmarks
{
    public const int GeneratedRules = 500;

    private CompiledRulePack pack = null!;
    private AssessmentFacts[] mix = [];
    private int next;
    private string generatedPack = "";

    public static IConfig Config() => ManualConfig.CreateMinimumViable()
        .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance))
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(SamplesPath(), "rules", "community-default.yaml");
        pack = RulePackLoader.LoadOrThrow(File.ReadAllText(path), "community-default.yaml");
        mix = FactMix();
        generatedPack = GeneratePack(GeneratedRules);
    }

    [Benchmark(Description = "Assess (sample pack, fact mix)", OperationsPerInvoke = 1)]
    public Assessment Assess()
    {
        var facts = mix[next++ % mix.Length];
        return pack.Assess(facts);
    }

    [Benchmark(Description = "Load + compile 500-rule pack")]
    public CompiledRulePack Compile500() => RulePackLoader.LoadOrThrow(generatedPack, "generated-500.yaml");

    /// <summary>Roughly what a community sees: mostly signals (smoke, leaks, doors, lifts, bins), some
    /// complaints and health reports; some at night, some in vulnerable households, some with history.</summary>
    public static AssessmentFacts[] FactMix()
    {
        var e = AssessmentFacts.Empty;
        var day = new ClockFact { Hour = 15, DayOfWeek = 3, IsWorkingDay = true };
        var night = new ClockFact { Hour = 2, DayOfWeek = 6, IsNight = true };
        var family = new HouseholdFact { Known = true, Size = 3, HasMinors = true, EldestAge = 41 };
        var elderly = new HouseholdFact { Known = true, Size = 1, ElderlyLivingAlone = true, EldestAge = 83, CareGroup = true };
        var infants = new HouseholdFact { Known = true, Size = 4, HasInfants = true, HasMinors = true };
        var loc = new LocationFact { Known = true, Community = "cy", Compound = "cy1", Building = "cy1-b2", Unit = "cy1-b2-0502", Floor = 5 };
        var common = loc with { Unit = "", Floor = 1, IsCommonArea = true };
        var device = new DeviceFact { Registered = true, Id = "dev-1", Kind = "smoke-detector", Vendor = "acme" };
        AssessmentFacts Sig(string kind, HouseholdFact h, ClockFact c, LocationFact? l = null, CaseFact? cs = null, HistoryFact? hi = null) =>
            e with
            {
                Trigger = new TriggerFact { Kind = kind, Severity = 3, Source = "demo-gw" },
                Case = cs ?? new CaseFact { IsNew = true, ItemCount = 1, SignalCount = 1, DistinctDevices = 1 },
                Location = l ?? loc, Household = h, Device = device, History = hi ?? new HistoryFact(), Clock = c,
            };
        AssessmentFacts Complaint(string kind, string text, ClockFact c, int items = 1) => e with
        {
            Trigger = new TriggerFact { ItemType = "complaint", Kind = kind, Text = text, Source = "open311:app" },
            Case = new CaseFact { IsNew = items == 1, ItemCount = items }, Location = loc, Household = family, Clock = c,
        };
        AssessmentFacts Health(string kind, HouseholdFact h, int severity, HistoryFact? hi = null) => e with
        {
            Trigger = new TriggerFact { ItemType = "health", Kind = kind, Severity = severity, Source = "health-station" },
            Case = new CaseFact { IsNew = true, ItemCount = 1 }, Location = loc, Household = h, History = hi ?? new HistoryFact(), Clock = day,
        };
        return
        [
            Sig("smoke", family, day), Sig("smoke", elderly, night), Sig("smoke", family, day, cs: new CaseFact { ItemCount = 2, SignalCount = 2, DistinctDevices = 2 }),
            Sig("gas", infants, day), Sig("gas", family, night), Sig("water-leak", family, day),
            Sig("water-leak", family, day, hi: new HistoryFact { UnitCases7Days = 2, UnitCases30Days = 3 }),
            Sig("door-held-open", family, day, common), Sig("door-forced", family, night, common),
            Sig("intrusion", family, night, common), Sig("elevator-trapped", family, day, common),
            Sig("elevator-trapped", family, day, common, new CaseFact { ItemCount = 3, SignalCount = 3, DistinctDevices = 1, AgeMinutes = 45 }),
            Sig("fall-detected", elderly, day), Sig("no-activity", elderly, day), Sig("garbage-overflow", family, day, common),
            Sig("fire-lane-blocked", family, day, common), Sig("high-altitude-throw", family, day, common),
            Sig("vibration", family, day),
            Complaint("noise", "楼上装修电钻声", day), Complaint("noise", "楼上聚会音响很大", night, 3),
            Complaint("leak", "楼上卫生间漏水", day), Complaint("parking", "车停在消防通道上", day),
            Complaint("dispute", "邻居吵架", day), Complaint("sanitation", "垃圾没人清", day, 3),
            Health("missed-check-in", elderly, 2), Health("fever", family, 2, new HistoryFact { BuildingCases7Days = 4 }),
            Health("abnormal-reading", family, 4),
        ];
    }

    /// <summary>A pack of <paramref name="count"/> distinct rules shaped like real ones (kind + context
    /// conditions, a few text and history tests).</summary>
    public static string GeneratePack(int count)
    {
        string[] kinds = ["smoke", "gas", "water-leak", "intrusion", "door-forced", "elevator-trapped", "fall-detected", "noise", "dispute", "garbage-overflow"];
        string[] extras =
        [
            "Clock.IsNight", "Household.ElderlyLivingAlone", "Case.DistinctDevices >= 2", "History.UnitCases7Days >= 2",
            "Between(Clock.Hour, 7, 19) && Clock.IsWorkingDay", "Household.HasInfants || Household.HasDisability",
            "Case.AgeMinutes > 30", "ContainsAny(Trigger.Text, \"漏水\", \"leak\")", "Trigger.Severity >= 4", "Location.IsCommonArea",
        ];
        string[] levels = ["red", "orange", "yellow", "blue"];
        var sb = new StringBuilder();
        sb.AppendLine("pack: generated-500").AppendLine("version: 1").AppendLine("title: generated")
          .AppendLine("defaults: { level: blue, category: general, parties: [street] }")
          .AppendLine("categories: [general, fire, security]").AppendLine("rules:");
        for (var i = 0; i < count; i++)
        {
            var kind = kinds[i % kinds.Length];
            var extra = extras[i / kinds.Length % extras.Length];
            sb.AppendLine($"  - id: rule-{i}")
              .AppendLine($"    title: {{ zh-CN: 规则{i}, en: Rule {i} }}")
              .AppendLine($"    priority: {i % 100}")
              .AppendLine("    when:")
              .AppendLine($"      - Trigger.Kind == \"{kind}\"")
              .AppendLine($"      - '{extra} && Trigger.Severity >= {i % 5}'")
              .AppendLine("    then:")
              .AppendLine($"      level: {levels[i % 4]}")
              .AppendLine("      category: general")
              .AppendLine("      parties: [property, street]")
              .AppendLine($"      reason: {{ zh-CN: 原因{i}, en: Reason {i} }}");
        }
        return sb.ToString();
    }

    internal static string SamplesPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Governance.sln"))) return Path.Combine(dir.FullName, "samples");
        return Path.GetFullPath("samples");
    }
}
