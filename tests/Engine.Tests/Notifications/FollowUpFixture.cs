using System.Text.RegularExpressions;
using Cerebellum.Engine.Cases;
using Case = Cerebellum.Engine.Cases.Case;
using Cerebellum.Engine.Cases.Lifecycle;
using Cerebellum.Engine.Cases.Opening;
using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Engine.Notifications;
using Cerebellum.Engine.Tests.Complaints;
using Cerebellum.Testing;
using Marten;
using MimeKit;
using Wolverine.Tracking;

namespace Cerebellum.Engine.Tests.Notifications;

/// <summary>The engine with mail going to a real SMTP server on a local port (started with the fixture
/// unless <see cref="StartMailServer"/> is false) and short retry delays.</summary>
public class FollowUpFixture : EngineFixture
{
    public const string PortalUrl = "https://portal.cuiyuan.test";
    public TestSmtpServer Smtp { get; } = new(FreePort.Next());
    protected virtual bool StartMailServer => true;
    protected virtual TimeSpan[] RetryDelays => [.. Enumerable.Repeat(TimeSpan.FromMilliseconds(500), 20)];

    protected override NotificationSettings Notifications => new()
    {
        Smtp = { Host = "127.0.0.1", Port = Smtp.Port, Security = SmtpSecurity.None, Timeout = TimeSpan.FromSeconds(5) },
        PortalUrl = PortalUrl,
        RetryDelays = RetryDelays,
    };

    public override async Task InitializeAsync()
    {
        if (StartMailServer) Smtp.Start();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>A resident's complaint about a flat, processed into a case; returns the case id.</summary>
    public async Task<Guid> ComplaintCaseAsync(int unitIndex, string kind, string? email, string description = "楼上漏水")
    {
        var unit = Community.Units[unitIndex];
        var building = Community.Buildings.Single(b => b.Id == unit.BuildingId);
        var complaint = TestComplaints.About(new Place(building.CompoundId, building.Id, unit.Id), kind, DateTimeOffset.UtcNow, description);
        complaint.Contact = complaint.Contact! with { Email = email };
        await using (var session = Store.LightweightSession())
        {
            session.Insert(complaint);
            await session.SaveChangesAsync();
        }
        await Host.InvokeMessageAndWaitAsync(new ProcessComplaint(complaint.Id));
        await using var query = Store.QuerySession();
        return (await query.LoadAsync<ComplaintRecord>(complaint.Id))!.CaseId!.Value;
    }

    /// <summary>Resolves the case as a handler does through the staff endpoint.</summary>
    public async Task ResolveAsync(Guid caseId, DateTimeOffset at, string note = "已更换楼上水管，漏水已止")
    {
        await using var session = Store.LightweightSession();
        var version = (await session.Events.FetchStreamStateAsync(caseId))!.Version;
        var result = await CaseCommands.RunAsync(session, caseId, version, c => CaseTransitions.Resolve(c, "property1", note, at), default);
        result.Status.ShouldBe(CaseCommandStatus.Done);
    }

    public async Task<List<object>> EventsAsync(Guid caseId)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamAsync(caseId)).Select(e => e.Data).ToList();
    }

    /// <summary>Polls the case stream until it holds an event of type T (the subscription and timers are asynchronous).</summary>
    public async Task<T> WaitForEventAsync<T>(Guid caseId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if ((await EventsAsync(caseId)).OfType<T>().FirstOrDefault() is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No {typeof(T).Name} on case {caseId}: {string.Join(", ", (await EventsAsync(caseId)).Select(e => e.GetType().Name))}");
    }

    public async Task<Case> CaseAsync(Guid caseId)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.AggregateStreamAsync<Case>(caseId))!;
    }

    public static string TokenIn(MimeMessage mail) =>
        Regex.Match(mail.Text(), Regex.Escape(PortalUrl) + "/feedback/([A-Za-z0-9_-]+)") is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException($"No feedback link in: {mail.Text()}");
}

/// <summary>The same, but the mail server is down when the engine starts.</summary>
public sealed class MailOutageFixture : FollowUpFixture
{
    protected override bool StartMailServer => false;
}

/// <summary>A mail server that never comes up, and only two quick retries.</summary>
public sealed class DeadMailServerFixture : FollowUpFixture
{
    protected override bool StartMailServer => false;
    protected override TimeSpan[] RetryDelays => [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100)];
}
