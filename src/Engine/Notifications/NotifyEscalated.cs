using System.Security.Cryptography;
using System.Text;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Cases.Tasks;
using Cerebellum.Engine.Registry;
using Cerebellum.Rules;
using Marten;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Cerebellum.Engine.Notifications;

/// <summary>A task's deadline passed and 督办 took a step: tell the office that takes the case and everyone the
/// definition says to notify.</summary>
public sealed record NotifyEscalated(
    Guid EventId, Guid CaseId, string TaskKey, int Step, string To, IReadOnlyList<string> Notify, DateTimeOffset DueAt);

/// <summary>
/// Resolves the definition's free-text keys to offices of the case's compound: a party name (street, police, …)
/// is that party's office with jurisdiction; "supervisor" and "street-supervisor" are the street office, where the
/// supervisors (督办) sit; an office id is that office. Keys naming bodies outside Cerebellum (the district
/// emergency office) are logged, not mailed: the escalation is recorded on the case either way. One mail per
/// address, with the same public-only content as a task mail.
/// </summary>
public static class NotifyEscalatedHandler
{
    public static async Task Handle(NotifyEscalated message, IQuerySession session, NotificationSettings settings,
        IMessageBus bus, ILogger<MailMarker> logger, CancellationToken ct)
    {
        var summary = await session.LoadAsync<CaseSummary>(message.CaseId, ct);
        if (summary is null) return;
        var offices = await OfficeChoice.AllAsync(session, ct);
        var recipients = new Dictionary<string, Office>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in new[] { message.To }.Concat(message.Notify))
        {
            if (Resolve(key, offices, summary.CompoundId) is { Email: { Length: > 0 } email } office) recipients.TryAdd(email, office);
            else logger.LogInformation("Case {CaseId}: escalation key '{Key}' is not an office with a mail address here; not mailed", message.CaseId, key);
        }

        var language = MailTemplates.LanguageOrDefault(settings.Language);
        var terms = MailTemplates.Embedded;
        var party = summary.Tasks.FirstOrDefault(t => t.TaskKey == message.TaskKey)?.Party.ToString() ?? message.TaskKey;
        foreach (var (email, office) in recipients)
        {
            var values = new Dictionary<string, string>
            {
                ["caseRef"] = MailText.CaseRef(message.CaseId),
                ["office"] = office.Name,
                ["party"] = terms.Term(language, "party", party),
                ["step"] = (message.Step + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["category"] = terms.Term(language, "category", summary.Category is { Length: > 0 } c ? c : "general"),
                ["level"] = terms.Term(language, "level", summary.Level?.ToString() ?? "None"),
                ["building"] = summary.BuildingLabel,
                ["dueAt"] = MailText.Beijing(message.DueAt),
                ["link"] = settings.Link($"/cases/{message.CaseId}"),
            };
            await bus.PublishAsync(new SendMail(MailIdFor(message.EventId, email), email, MailTemplates.Escalation, language, values));
        }
    }

    public static Office? Resolve(string key, IReadOnlyList<Office> offices, string compound)
    {
        var k = key.Trim().ToLowerInvariant();
        if (k is "supervisor" or "street-supervisor") k = "street";
        if (Enum.TryParse<Party>(k, ignoreCase: true, out var party) && Enum.IsDefined(party)) return OfficeChoice.For(offices, party, compound);
        return offices.FirstOrDefault(o => string.Equals(o.Id, key.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    // One event, several recipients: each mail gets its own stable id, so a redelivery sends none twice.
    private static Guid MailIdFor(Guid eventId, string email) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{eventId:N}/{email.ToLowerInvariant()}"))[..16]);
}
