using Cerebellum.Engine.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
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

        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var query = new NpgsqlCommand(
                $"select exception_type from {EngineSetup.Schema}.wolverine_dead_letters where encode(body, 'escape') like @mail", connection);
            query.Parameters.AddWithValue("mail", $"%{mail.MailId}%");
            if (await query.ExecuteScalarAsync() is string exception)
            {
                exception.ShouldEndWith(nameof(MailDeliveryException));
                fixture.Smtp.Received.ShouldBeEmpty();
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The mail was neither sent nor dead-lettered");
    }
}
