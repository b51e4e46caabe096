using Cerebellum.Rules.Tests.Support;

namespace Cerebellum.Rules.Tests;

public class SamplePackTests
{
    private readonly CompiledRulePack pack = Repo.SamplePack;

    [Fact]
    public void Sample_pack_loads_without_diagnostics()
    {
        var result = RulePackLoader.Load(Repo.SamplePackText, "community-default.yaml");

        result.Diagnostics.ShouldBeEmpty();
        result.Succeeded.ShouldBeTrue();
        pack.Id.ShouldBe("community-default");
        pack.Version.ShouldBe(1);
        pack.Title.ZhCn.ShouldBe("社区默认风险分级");
        pack.Rules.Count.ShouldBeGreaterThanOrEqualTo(8);
        pack.Categories.ShouldContain("fire");
    }

    [Fact]
    public void Sample_pack_own_tests_all_pass()
    {
        var results = pack.RunTests();

        results.Count.ShouldBeGreaterThanOrEqualTo(10);
        results.Where(r => !r.Passed).Select(r => $"{r.Name}: {r.Failure}").ShouldBeEmpty();
    }

    [Fact]
    public void Smoke_at_3am_at_82_year_old_living_alone_is_red_fire_with_four_parties()
    {
        var facts = Facts.Signal("smoke", 4).ElderlyAlone(82) with
        {
            Clock = ClockFact.At(new DateTimeOffset(2025, 3, 12, 3, 0, 0, TimeSpan.FromHours(8))),
        };

        var assessment = pack.Assess(facts);

        assessment.Level.ShouldBe(RiskLevel.Red);
        assessment.Category.ShouldBe("fire");
        assessment.Parties.ShouldBe([Party.Police, Party.Property, Party.Street, Party.Health]);
        assessment.FiredIds().ShouldBe(["smoke-elderly-alone", "smoke-at-night", "smoke-detected"]);
        assessment.PackId.ShouldBe("community-default");
        assessment.PackVersion.ShouldBe(1);
        assessment.FiredRules[0].Reason.ZhCn.ShouldContain("独居老人");
    }

    [Fact]
    public void Smoke_in_the_afternoon_in_a_family_flat_is_orange()
    {
        var facts = Facts.Signal("smoke").At(15) with { Household = new HouseholdFact { Known = true, Size = 4 } };

        var assessment = pack.Assess(facts);

        assessment.Level.ShouldBe(RiskLevel.Orange);
        assessment.Parties.ShouldBe([Party.Property, Party.Street]);
        assessment.FiredIds().ShouldBe(["smoke-detected"]);
    }

    [Fact]
    public void Lift_entrapment_brings_in_police_only_after_thirty_minutes()
    {
        var early = pack.Assess(Facts.Signal("elevator-trapped") with { Case = new CaseFact { AgeMinutes = 10 } });
        var late = pack.Assess(Facts.Signal("elevator-trapped") with { Case = new CaseFact { AgeMinutes = 31 } });

        early.Parties.ShouldNotContain(Party.Police);
        late.Parties.ShouldContain(Party.Police);
        late.Level.ShouldBe(RiskLevel.Orange);
    }

    [Fact]
    public void Unknown_signal_kind_gets_the_pack_defaults()
    {
        var assessment = pack.Assess(Facts.Signal("vibration"));

        assessment.Level.ShouldBe(RiskLevel.Blue);
        assessment.Category.ShouldBe("general");
        assessment.Parties.ShouldBe([Party.Street]);
        assessment.FiredRules.ShouldBeEmpty();
        assessment.UsedDefaults.ShouldBeTrue();
    }
}
