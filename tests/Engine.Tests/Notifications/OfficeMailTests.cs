using Microsoft.Extensions.DependencyInjection;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Notifications;
using Cerebellum.Engine.Registry;
using Marten;
using Wolverine;

namespace Cerebellum.Engine.Tests.Notifications;

public sealed class OfficeMailTests(FollowUpFixture fixture) : IClassFixture<FollowUpFixture>
{
    [Fact]
    public async Task Each_office_given_a_task_gets_a_mail_with_public_facts_and_a_link_but_nothing_personal()
    {
        var device = fixture.Community.Devices.First(d => d.Kind == "smoke" && d.UnitId is not null && d.BuildingId == "cy2-b3");
        var ids = await fixture.AcceptAndProcessAsync(Signals.Smoke(device.Id));
        await using var session = fixture.Store.QuerySession();
        var caseId = (await session.LoadAsync<SignalRecord>(ids[0]))!.CaseId!.Value;
        var summary = (await session.LoadAsync<CaseSummary>(caseId))!;
        var offices = await session.Query<Office>().ToListAsync();

        summary.Tasks.ShouldNotBeEmpty();
        // The household's own task (at red) has no office and no office mail.
        foreach (var task in summary.Tasks.Where(t => t.OfficeId is not null))
        {
            var office = offices.Single(o => o.Id == task.OfficeId);
            var mail = await fixture.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == office.Email) && m.Text().Contains(caseId.ToString()));
            (mail.Subject ?? "").ShouldContain(summary.BuildingLabel);
            (mail.Subject ?? "").ShouldContain(MailText.CaseRef(caseId));
            mail.Text().ShouldContain(office.Name);
            mail.Text().ShouldContain($"{FollowUpFixture.PortalUrl}/cases/{caseId}");
            mail.Text().ShouldContain(MailText.Beijing(task.DueAt));
            mail.Text().ShouldContain(MailTemplates.Embedded.Term("zh-CN", "level", summary.Level!.Value.ToString()));
        }

        // The flat and the people in it are not in any mail.
        var unit = fixture.Community.Units.Single(u => u.Id == device.UnitId);
        var household = fixture.Community.Households.FirstOrDefault(h => h.UnitId == unit.Id);
        foreach (var mail in fixture.Smtp.Received.Where(m => m.Text().Contains(caseId.ToString())))
        {
            var text = mail.Subject + mail.Text();
            text.ShouldNotContain(summary.LocationLabel == summary.BuildingLabel ? "\u0000" : summary.LocationLabel);
            foreach (var person in household?.Members ?? []) { text.ShouldNotContain(person.Name); text.ShouldNotContain(person.Phone); }
        }
    }

    [Fact]
    public async Task An_escalation_step_mails_the_offices_it_names_once_each_and_skips_bodies_outside_the_system()
    {
        var device = fixture.Community.Devices.First(d => d.Kind == "smoke" && d.UnitId is not null && d.BuildingId == "cy1-b2");
        var ids = await fixture.AcceptAndProcessAsync(Signals.Smoke(device.Id));
        Guid caseId;
        await using (var session = fixture.Store.LightweightSession())
        {
            caseId = (await session.LoadAsync<SignalRecord>(ids[0]))!.CaseId!.Value;
            // What TaskDeadlineHandler appends when the property task's deadline passes (step 1 of emergency-dispatch).
            session.Events.Append(caseId, new Cases.Tasks.CaseEscalated(caseId, "property", 1, "district-supervisor",
                ["street", "supervisor", "district-emergency-office"], DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        var street = fixture.Community.Offices.Single(o => o.Id == "street-cuiyuan");
        var mail = await fixture.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == street.Email)
            && (m.Subject ?? "").Contains("督办") && m.Text().Contains(caseId.ToString()));
        mail.Text().ShouldContain("第 2 级");
        await Task.Delay(1000); // a second mail to the same address (street and supervisor are one office) would be here by now
        fixture.Smtp.Received.Count(m => (m.Subject ?? "").Contains("督办") && m.Text().Contains(caseId.ToString())).ShouldBe(1);
    }

    [Fact]
    public async Task A_mail_to_an_address_that_cannot_exist_goes_to_the_dead_letters_at_once()
    {
        var mail = new SendMail(Guid.NewGuid(), "no address here", MailTemplates.TaskAssigned, "en", new Dictionary<string, string>());
        await fixture.Host.Services.GetRequiredService<IMessageBus>().PublishAsync(mail);

        (await DeadLetters.WaitForMailAsync(fixture.ConnectionString, mail.MailId, "The undeliverable mail never reached the dead letters"))
            .ShouldNotBeNullOrEmpty();
    }
}
