using System.Text.RegularExpressions;
using System.Text.Json;
using Cerebellum.Engine.Intake.Vendors;
using Cerebellum.Engine.Intake.Vendors.Loading;
using Cerebellum.Testing;

namespace Cerebellum.Engine.Tests.Vendors;

/// <summary>docs/gateways.md is the profile authors' reference: its example must load and map.</summary>
public sealed class GatewayDocsTests
{
    // The sample messages are from the early hours of 2026-11-28 (Asia/Shanghai): the clock the validation sees.
    private static readonly DateTimeOffset SampleNow = new(2026, 11, 28, 4, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void The_example_profile_in_the_docs_loads_and_maps_a_nested_envelope()
    {
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "gateways.md"));
        var yaml = Regex.Match(docs, "```yaml\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var profile = VendorProfileLoader.Load(yaml, "docs/gateways.md").Profile.ShouldNotBeNull();

        var json = JsonDocument.Parse("""
            {"Header":{"DeviceID":"dev-door-cy1-b1"},"Body":{"Events":[{"EventID":"1","Code":"DoorNotClosed","TimestampMs":1795806720000}]}}
            """).RootElement;
        var signal = VendorMapper.Map(profile, json, new ChannelDefaults("dahua-gw", null)).Validated(SampleNow).Signals.Single().Submission;
        (signal.DeviceId, signal.Kind, signal.Severity).ShouldBe(("dev-door-cy1-b1", "door-held-open", 3));
        signal.OccurredAt.ShouldBe("2026-11-28T03:12:00.0000000+08:00");
    }
}
