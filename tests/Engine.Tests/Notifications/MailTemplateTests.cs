using Cerebellum.Engine.Notifications;
using Cerebellum.Testing;
using MimeKit;

namespace Cerebellum.Engine.Tests.Notifications;

/// <summary>The templates in both languages, sent through MailKit to a real SMTP server and read back.</summary>
public sealed class MailTemplateTests
{
    private static readonly Dictionary<string, string> TaskValues = new()
    {
        ["caseRef"] = "1A2B3C4D", ["office"] = "翠苑物业服务中心", ["party"] = "物业", ["category"] = "火灾",
        ["level"] = "红色（I级，特别严重）", ["building"] = "翠苑一区1幢", ["dueAt"] = "2026-11-28 03:15",
        ["link"] = "http://127.0.0.1:5080/cases/0195",
    };

    [Fact]
    public void Every_template_exists_in_both_languages_with_the_same_placeholders()
    {
        foreach (var name in MailTemplates.Names)
        foreach (var language in MailTemplates.Languages)
        {
            var values = MailTemplates.Embedded.PlaceholdersOf(name).ToDictionary(p => p, p => $"<{p}>");
            var mail = MailTemplates.Embedded.Render(name, language, values);
            mail.Subject.ShouldNotBeNullOrWhiteSpace();
            mail.Body.ShouldNotContain("{");
            foreach (var placeholder in values.Values) (mail.Subject + mail.Body).ShouldContain(placeholder);
        }
    }

    [Fact]
    public void A_missing_value_is_refused_rather_than_sent_half_filled()
    {
        var values = new Dictionary<string, string>(TaskValues);
        values.Remove("link");
        Should.Throw<ArgumentException>(() => MailTemplates.Embedded.Render(MailTemplates.TaskAssigned, "zh-CN", values))
            .Message.ShouldContain("link");
    }

    [Fact]
    public void A_line_break_in_a_value_cannot_reach_the_subject_as_a_new_header()
    {
        var values = new Dictionary<string, string>(TaskValues) { ["building"] = "1幢\r\nBcc: someone@example.com" };
        var mail = MailTemplates.Embedded.Render(MailTemplates.TaskAssigned, "en", values);
        mail.Subject.ShouldNotContain("\n");
        mail.Subject.ShouldNotContain("\r");
    }

    [Fact]
    public void Words_are_localised_and_an_unknown_category_shows_as_written()
    {
        MailTemplates.Embedded.Term("zh-CN", "level", "Red").ShouldBe("红色（I级，特别严重）");
        MailTemplates.Embedded.Term("en", "party", "Property").ShouldBe("property management");
        MailTemplates.Embedded.Term("en", "category", "lift-rescue").ShouldBe("lift-rescue");
        MailTemplates.LanguageOrDefault("fr").ShouldBe("zh-CN");
        MailTemplates.LanguageOrDefault("EN").ShouldBe("en");
    }

    [Theory]
    [InlineData("zh-CN", "【社区小脑】新派单 1A2B3C4D", "处置时限：2026-11-28 03:15")]
    [InlineData("en", "[Cerebellum] New task 1A2B3C4D", "Due: 2026-11-28 03:15 (Beijing time)")]
    public async Task A_task_mail_arrives_through_smtp_in_the_language_asked_for(string language, string subject, string line)
    {
        await using var smtp = new TestSmtpServer(FreePort.Next());
        smtp.Start();
        var settings = new NotificationSettings { Smtp = { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None } };
        var mail = new SendMail(Guid.NewGuid(), "property@cuiyuan.example", MailTemplates.TaskAssigned, language, TaskValues);

        await new SmtpMailDelivery(settings.Smtp).DeliverAsync(SendMailHandler.Compose(mail, settings), default);

        var received = await smtp.WaitForAsync(_ => true);
        received.Subject.ShouldStartWith(subject);
        received.Text().ShouldContain(line);
        received.Text().ShouldContain("http://127.0.0.1:5080/cases/0195");
        received.To.Mailboxes.Single().Address.ShouldBe("property@cuiyuan.example");
        received.MessageId.ShouldBe($"{mail.MailId:N}@cerebellum");
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_a_delivery_failure_to_retry_not_a_crash()
    {
        var settings = new SmtpSettings { Host = "127.0.0.1", Port = FreePort.Next(), Security = SmtpSecurity.None };
        var message = SendMailHandler.Compose(new SendMail(Guid.NewGuid(), "a@b.example", MailTemplates.TaskAssigned, "en", TaskValues),
            new NotificationSettings { Smtp = settings });
        await Should.ThrowAsync<MailDeliveryException>(() => new SmtpMailDelivery(settings).DeliverAsync(message, default));
    }

    [Fact]
    public void A_recipient_that_is_not_an_address_is_rejected_for_good()
    {
        Should.Throw<MailRejectedException>(() => SendMailHandler.Compose(
            new SendMail(Guid.NewGuid(), "not an address", MailTemplates.TaskAssigned, "en", TaskValues), new NotificationSettings()));
    }

    [Fact]
    public async Task Without_a_server_the_mail_is_written_to_the_pickup_directory()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"cerebellum-mail-{Guid.NewGuid():N}");
        var settings = new NotificationSettings { PickupDirectory = directory };
        var mail = new SendMail(Guid.NewGuid(), "office@example.com", MailTemplates.TaskAssigned, "zh-CN", TaskValues);
        try
        {
            await new PickupDirectoryDelivery(directory).DeliverAsync(SendMailHandler.Compose(mail, settings), default);
            var file = Directory.GetFiles(directory, "*.eml").ShouldHaveSingleItem();
            var saved = await MimeMessage.LoadAsync(file);
            saved.Subject.ShouldStartWith("【社区小脑】新派单");
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
