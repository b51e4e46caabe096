namespace Cerebellum.Engine.Notifications;

/// <summary>How the SMTP connection is secured (MailKit's SecureSocketOptions, by name in configuration).</summary>
public enum SmtpSecurity { None, StartTlsWhenAvailable, StartTls, SslOnConnect }

/// <summary>The mail server. An empty <see cref="Host"/> means "no server": mails go to the pickup directory.</summary>
public sealed class SmtpSettings
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTlsWhenAvailable;
    /// <summary>Sign in only when set; the password goes with it (keep it in an environment variable, not appsettings).</summary>
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public string Sender { get; set; } = "社区小脑 Cerebellum <noreply@cerebellum.invalid>";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Cerebellum:Notifications in appsettings.json (docs/notifications.md).</summary>
public sealed class NotificationSettings
{
    /// <summary>A mail server that is down gets the mail later: attempt n+1 waits RetryDelays[n], then the mail
    /// goes to the dead letters (logged as an error, counted in cerebellum.mail.dead_lettered). About 16 hours in all.</summary>
    public static readonly TimeSpan[] DefaultRetryDelays =
        [.. new[] { 10, 60, 300, 900, 1800, 3600, 7200, 14400, 28800 }.Select(s => TimeSpan.FromSeconds(s))];

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>zh-CN (default) or en: the language of every mail.</summary>
    public string Language { get; set; } = MailTemplates.DefaultLanguage;

    /// <summary>The portal's address as people outside the server reach it: links in mails start with it.</summary>
    public string PortalUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Where mails are written as .eml files when no SMTP host is configured (relative to the working directory).</summary>
    public string PickupDirectory { get; set; } = ".data/mail";

    /// <summary>Null in configuration means <see cref="DefaultRetryDelays"/>. (Arrays bound from configuration
    /// append to a default rather than replace it, hence no initialiser.)</summary>
    public TimeSpan[]? RetryDelays { get; set; }

    /// <summary>Wolverine allows at most 25 attempts, i.e. 24 retries.</summary>
    public const int MostRetries = 24;

    public TimeSpan[] EffectiveRetryDelays => RetryDelays switch
    {
        null or { Length: 0 } => DefaultRetryDelays,
        { Length: > MostRetries } => throw new InvalidOperationException(
            $"Cerebellum:Notifications:RetryDelays lists {RetryDelays.Length} delays; at most {MostRetries} are allowed."),
        _ => RetryDelays,
    };

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    public string Link(string path) => PortalUrl.TrimEnd('/') + path;
}
