using Cerebellum.Engine.Intake.Signals;
using Marten;

namespace Cerebellum.Engine.Tests.CityBrain;

/// <summary>The receiver answers 503, then is not there at all, then comes back: intake goes on meanwhile,
/// and afterwards every case is there in its latest state, each state delivered once.</summary>
[Collection(nameof(CityBrainCollection))]
public sealed class ReceiverOutageTests(CityBrainFixture fixture)
{
    private IEnumerable<string> SmokeDetectors(int skip, int take) => fixture.Community.Devices
        .Where(d => d.Kind == "smoke" && d.UnitId != null).Skip(skip).Take(take).Select(d => d.Id);

    private async Task<List<Guid>> CasesAsync(IReadOnlyList<Guid> signalIds)
    {
        await using var query = fixture.Store.QuerySession();
        var signals = await query.LoadManyAsync<SignalRecord>(signalIds);
        signals.Count.ShouldBe(signalIds.Count);
        return [.. signals.Select(s => s.CaseId!.Value).Distinct()];
    }

    [Fact]
    public async Task Nothing_is_lost_or_duplicated_and_intake_keeps_working_while_the_receiver_is_away()
    {
        var requestsBefore = fixture.Receiver.Requests.Count;
        List<Guid> cases;
        try
        {
            fixture.Receiver.FailWith = 503;
            var failing = await fixture.AcceptAndProcessAsync([.. SmokeDetectors(400, 12).Select(d => Signals.Smoke(d))]);
            cases = await CasesAsync(failing);
            // Intake finished (every signal is on a case) while the receiver turned everything away.
            await WaitUntilAsync(() => fixture.Receiver.Requests.Skip(requestsBefore).Any(r => r.Status == 503));
            fixture.Receiver.Requests.Skip(requestsBefore).ShouldAllBe(r => r.Status == 503);

            await fixture.Receiver.StopAsync(); // connection refused from now on
            var refused = await fixture.AcceptAndProcessAsync([.. SmokeDetectors(420, 8).Select(d => Signals.Smoke(d))]);
            cases.AddRange(await CasesAsync(refused));
            await Task.Delay(TimeSpan.FromSeconds(3)); // a few retries hit the closed port
        }
        finally
        {
            fixture.Receiver.FailWith = 0;
            if (!fixture.Receiver.IsListening) await fixture.Receiver.StartAsync();
        }

        cases.Count.ShouldBe(20);
        foreach (var caseId in cases)
        {
            var alert = await Feed.ArrivedAsync(fixture, $"urn:ngsi-ld:Alert:{Feed.OpaqueId(caseId)}", caseId);
            Feed.Value(alert, "caseStatus").ShouldBe("dispatched");
        }
        // Let any retry still scheduled come round once more before counting.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var duplicates = fixture.Receiver.Accepted.GroupBy(a => a).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        duplicates.ShouldBeEmpty();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); !condition(); await Task.Delay(100))
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met in 60 s");
    }
}
