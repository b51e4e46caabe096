using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Cerebellum.Engine.Notifications;

/// <summary>Where a finished mail goes: an SMTP server, or the pickup directory when none is configured.</summary>
public interface IMailDelivery
{
    Task DeliverAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>MailKit over SMTP, one connection per mail (mail volume is a few per case). Failures are sorted into
/// "try again later" (<see cref="MailDeliveryException"/>) and "never" (<see cref="MailRejectedException"/>).</summary>
public sealed class SmtpMailDelivery(SmtpSettings settings) : IMailDelivery
{
    public async Task DeliverAsync(MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, Options(settings.Security), ct);
            if (!string.IsNullOrEmpty(settings.UserName)) await client.AuthenticateAsync(settings.UserName, settings.Password, ct);
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (SmtpCommandException e) when (e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted
                                             && (int)e.StatusCode >= 500)
        {
            throw new MailRejectedException($"The mail server refused the mail for good: {e.Message}", e);
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException or SmtpCommandException
                                      or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException
                                      or SslHandshakeException or OperationCanceledException)
        {
            throw new MailDeliveryException($"The mail server {settings.Host}:{settings.Port} did not take the mail: {e.Message}", e);
        }
    }

    private static SecureSocketOptions Options(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}

/// <summary>No mail server configured: each mail becomes an .eml file that any mail program opens. Nothing is
/// lost while an operator sets the server up, and a demo shows exactly what would have been sent.</summary>
public sealed class PickupDirectoryDelivery(string directory) : IMailDelivery
{
    public string Directory { get; } = Path.GetFullPath(directory);

    public async Task DeliverAsync(MimeMessage message, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{DateTime.UtcNow:yyyyMMddTHHmmss}-{message.MessageId?.Split('@')[0] ?? Guid.NewGuid().ToString("N")}";
        // Written under a temporary name, then renamed: whoever watches the folder never sees half a mail.
        var partial = Path.Combine(Directory, name + ".partial");
        await message.WriteToAsync(partial, ct);
        File.Move(partial, Path.Combine(Directory, name + ".eml"), overwrite: true);
    }
}
