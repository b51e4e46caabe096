using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Intake.Signals;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Tracking;

namespace Cerebellum.Engine.Tests;

[Collection(nameof(EngineCollection))]
public sealed class AlertStormTests(EngineFixture fixture)
{
    [Fact]
    public async Task A_storm_of_repeats_from_five_devices_arriving_in_parallel_batches_opens_exactly_five_cases()
    {
        var devices = fixture.Community.Devices.Where(d => d.Kind == "door-held-open").Take(5).Select(d => d.Id).ToList();
        devices.Count.ShouldBe(5);
        var storm = Enumerable.Range(0, 400).Select(i =>
        {
            var s = Signals.Smoke(devices[i % devices.Count], messageId: $"storm-{Guid.NewGuid():N}");
            s.Kind = "door-held-open";
            return s;
        }).ToList();

        // Eight batches accepted at once: their processing runs in parallel on the durable queue.
        // (A message context is not thread-safe: each batch gets its own, as each HTTP request does.)
        await fixture.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(120)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            await Task.WhenAll(storm.Chunk(50).Select(batch => Task.Run(async () =>
            {
                using var scope = fixture.Host.Services.CreateScope();
                await fixture.Intake(scope.ServiceProvider.GetRequiredService<IMessageBus>()).AcceptAsync(batch, default);
            })))));

        await using var session = fixture.Store.QuerySession();
        var ids = storm.Select(s => SignalRecord.IdFor(s.Source!, s.MessageId!)).ToArray();
        var records = await session.LoadManyAsync<SignalRecord>(ids);
        records.Count.ShouldBe(400);
        records.ShouldAllBe(r => r.CaseId != null);
        var caseIds = records.Select(r => r.CaseId!.Value).Distinct().ToArray();
        caseIds.Length.ShouldBe(5);
        var summaries = await session.LoadManyAsync<CaseSummary>(caseIds);
        summaries.Sum(s => s.SignalCount).ShouldBe(400);
        summaries.ShouldAllBe(s => s.Status == CaseStatus.Dispatched);
    }
}
