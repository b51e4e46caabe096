using Cerebellum.Engine.Cases;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Intake.Signals;
using Marten;

namespace Cerebellum.Engine.Tests.Notifications;

public sealed class MailOutageTests(MailOutageFixture fixture) : IClassFixture<MailOutageFixture>
{
    [Fact]
    public async Task With_the_mail_server_down_the_case_goes_ahead_and_the_mail_arrives_once_the_server_is_back()
    {
        var device = fixture.Community.Devices.First(d => d.Kind == "smoke" && d.BuildingId == "cy1-b5");
        var ids = await fixture.AcceptAndProcessAsync(Signals.Smoke(device.Id));
        await using var session = fixture.Store.QuerySession();
        var caseId = (await session.LoadAsync<SignalRecord>(ids[0]))!.CaseId!.Value;
        var summary = (await session.LoadAsync<CaseSummary>(caseId))!;
        summary.Status.ShouldBe(CaseStatus.Dispatched); // dispatch did not wait for mail

        // Let a few attempts fail against the closed port, then bring the server up.
        await Task.Delay(TimeSpan.FromSeconds(2));
        fixture.Smtp.Received.ShouldBeEmpty();
        fixture.Smtp.Start();

        var mail = await fixture.Smtp.WaitForAsync(m => m.Text().Contains(caseId.ToString()));
        (mail.Subject ?? "").ShouldContain(summary.BuildingLabel);
    }
}
