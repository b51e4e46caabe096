using System.Globalization;
using Cerebellum.Engine.Cases.Inbox;
using Cerebellum.Engine.Registry;
using Cerebellum.Rules;
using Marten;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Cerebellum.Engine.Notifications;

/// <summary>A task was assigned to an office: tell the office by mail.</summary>
/// <param name="EventId">The TaskAssigned event: the mail's id, so a re-delivery sends the same mail id.</param>
public sealed record NotifyTaskAssigned(Guid EventId, Guid CaseId, Party Party, string? OfficeId, DateTimeOffset DueAt);

/// <summary>
/// What an office mail may say: only public-class facts (category, level, building-level location, the
/// deadline) and a link into the portal. Unit numbers and case text are internal, names and phones personal:
/// a mail can be forwarded, printed, kept on a third-party server, so those stay behind the sign-in.
/// </summary>
public static class NotifyTaskAssignedHandler
{
    public static async Task Handle(NotifyTaskAssigned message, IQuerySession session, NotificationSettings settings,
        IMessageBus bus, ILogger<MailMarker> logger, CancellationToken ct)
    {
        var office = message.OfficeId is null ? null : await session.LoadAsync<Office>(message.OfficeId, ct);
        if (office is null || string.IsNullOrWhiteSpace(office.Email))
        {
            logger.LogWarning("Case {CaseId}: no mail for the {Party} task, office '{OfficeId}' has no mail address",
                message.CaseId, message.Party, message.OfficeId);
            return;
        }

        var summary = await session.LoadAsync<CaseSummary>(message.CaseId, ct);
        var language = MailTemplates.LanguageOrDefault(settings.Language);
        var terms = MailTemplates.Embedded;
        var values = new Dictionary<string, string>
        {
            ["caseRef"] = MailText.CaseRef(message.CaseId),
            ["office"] = office.Name,
            ["party"] = terms.Term(language, "party", message.Party.ToString()),
            ["category"] = terms.Term(language, "category", summary?.Category is { Length: > 0 } c ? c : "general"),
            ["level"] = terms.Term(language, "level", summary?.Level?.ToString() ?? "None"),
            ["building"] = summary?.BuildingLabel ?? "",
            ["dueAt"] = MailText.Beijing(message.DueAt),
            ["link"] = settings.Link($"/cases/{message.CaseId}"),
        };
        await bus.PublishAsync(new SendMail(message.EventId, office.Email, MailTemplates.TaskAssigned, language, values));
    }
}

/// <summary>How values look in mails.</summary>
public static class MailText
{
    private static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8); // China keeps no daylight saving time

    /// <summary>The last 8 characters of the case id: its random part (the first part of a v7 id is the clock).</summary>
    public static string CaseRef(Guid caseId) => caseId.ToString("N")[^8..].ToUpperInvariant();

    public static string Beijing(DateTimeOffset at) =>
        at.ToOffset(BeijingOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
