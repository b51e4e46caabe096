using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;

namespace Cerebellum.Engine.Notifications;

/// <summary>Mail and the closed loop (回访), wired in one place: EngineSetup calls this once.</summary>
public static class NotificationSetup
{
    public const string MailQueue = "mail";

    public static IServiceCollection AddCaseNotifications(this IServiceCollection services, NotificationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.AddSingleton<IMailDelivery>(settings.UsesSmtp
            ? new SmtpMailDelivery(settings.Smtp)
            : new PickupDirectoryDelivery(settings.PickupDirectory));
        services.AddHostedService<MailDeliveryAnnouncement>();
        services.ConfigureMarten(opts => opts.RegisterDocumentType<Cases.Feedback.FeedbackInvitation>());

        // Durable async-daemon subscription: case events → office mails and feedback requests.
        services.SubscribeToEvents(new CaseFollowUpSubscription());

        services.ConfigureWolverine(opts =>
        {
            // Its own durable queue, a few at a time: a slow mail server holds up mail, never case handling.
            opts.PublishMessage<SendMail>().ToLocalQueue(MailQueue).UseDurableInbox().MaximumParallelMessages(2);
            opts.OnException<MailDeliveryException>().ScheduleRetry(settings.EffectiveRetryDelays).Then.MoveToErrorQueue();
            opts.OnException<MailRejectedException>().MoveToErrorQueue();
        });
        return services;
    }

    /// <summary>Says at start-up where mail goes, so an operator who forgot the SMTP host finds out from the log.</summary>
    private sealed class MailDeliveryAnnouncement(NotificationSettings settings, IMailDelivery delivery, ILogger<MailMarker> logger)
        : Microsoft.Extensions.Hosting.IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (delivery is PickupDirectoryDelivery pickup)
                logger.LogWarning("No SMTP host configured (Cerebellum:Notifications:Smtp:Host): mails are written to {Directory}", pickup.Directory);
            else
                logger.LogInformation("Mail goes through {Host}:{Port}", settings.Smtp.Host, settings.Smtp.Port);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
