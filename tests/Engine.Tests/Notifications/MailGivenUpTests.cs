using Cerebellum.Engine.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Cerebellum.Engine.Tests.Notifications;

public sealed class MailGivenUpTests(DeadMailServerFixture fixture) : IClassFixture<DeadMailServerFixture>
{
    [Fact]
    public async Task A_mail_the_server_never_takes_is_kept_in_the_dead_letters_once_its_retries_are_spent()
    {
        var mail = new SendMail(Guid.NewGuid(), "street@cuiyuan.example.cn", MailTemplates.TaskAssigned, "zh-CN",
            MailTemplates.Embedded.PlaceholdersOf(MailTemplates.TaskAssigned).ToDictionary(p => p, p => p));
        await fixture.Host.Services.GetRequiredService<IMessageBus>().PublishAsync(mail);

        var exception = await DeadLetters.WaitForMailAsync(fixture.ConnectionString, mail.MailId, "The mail was neither sent nor dead-lettered");
        exception.ShouldEndWith(nameof(MailDeliveryException));
        fixture.Smtp.Received.ShouldBeEmpty();
    }
}
