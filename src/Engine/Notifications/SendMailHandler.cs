using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Cerebellum.Engine.Observability;
using MimeKit;
using Wolverine;

namespace Cerebellum.Engine.Notifications;

/// <summary>Renders and sends one mail. Retries and dead-lettering are Wolverine's (NotificationSetup); this
/// handler only says which failures are worth retrying and speaks up when a mail is given up on.</summary>
public static class SendMailHandler
{
    // The counters are the engine's one Meter's (Observability/Telemetry).
    private static Counter<long> Sent => Telemetry.MailSent;
    private static Counter<long> FailedAttempts => Telemetry.MailFailedAttempts;
    private static Counter<long> DeadLettered => Telemetry.MailDeadLettered;

    public static async Task Handle(
        SendMail mail, IMailDelivery delivery, NotificationSettings settings, Envelope envelope, ILogger<MailMarker> logger,
        CancellationToken ct)
    {
        try
        {
            await delivery.DeliverAsync(Compose(mail, settings), ct);
            Sent.Add(1, new KeyValuePair<string, object?>("template", mail.Template));
        }
        catch (MailDeliveryException e)
        {
            FailedAttempts.Add(1, new KeyValuePair<string, object?>("template", mail.Template));
            if (envelope.Attempts > settings.EffectiveRetryDelays.Length) GiveUp(mail, envelope, logger, e);
            else logger.LogWarning("Mail {MailId} ({Template}) attempt {Attempt} failed, will retry: {Reason}",
                mail.MailId, mail.Template, envelope.Attempts, e.Message);
            throw;
        }
        catch (MailRejectedException e)
        {
            GiveUp(mail, envelope, logger, e);
            throw;
        }
    }

    public static MimeMessage Compose(SendMail mail, NotificationSettings settings)
    {
        var rendered = MailTemplates.Embedded.Render(mail.Template, mail.Language, mail.Values);
        var message = new MimeMessage
        {
            Subject = rendered.Subject,
            Body = new TextPart("plain") { Text = rendered.Body },
            MessageId = $"{mail.MailId:N}@cerebellum",
        };
        message.From.Add(MailboxAddress.Parse(settings.Smtp.Sender));
        message.To.Add(MailboxAddress.TryParse(mail.To, out var to) && !string.IsNullOrEmpty(to.Domain)
            ? to
            : throw new MailRejectedException($"'{mail.To}' is not a mail address."));
        return message;
    }

    // The address is personal data: the log names the mail and the template, never the recipient.
    private static void GiveUp(SendMail mail, Envelope envelope, ILogger logger, Exception e)
    {
        DeadLettered.Add(1, new KeyValuePair<string, object?>("template", mail.Template));
        logger.LogError(e, "Mail {MailId} ({Template}) given up after {Attempts} attempt(s); it is in Wolverine's dead letters",
            mail.MailId, mail.Template, envelope.Attempts);
    }
}

/// <summary>The log category of mail delivery ("Cerebellum.Engine.Notifications.MailMarker").</summary>
public sealed class MailMarker;
