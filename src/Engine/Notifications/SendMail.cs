namespace Cerebellum.Engine.Notifications;

/// <summary>One mail to send: a durable Wolverine message, so a mail server that is down delays the mail
/// instead of the case that caused it. The template is rendered when the mail is sent. To is personal data
/// (a resident's address): it lives only in this message (Wolverine's envelope tables, and the dead letters
/// if it could never be sent), never in a case stream.</summary>
/// <param name="MailId">Stable per cause (the causing event's id): the Message-Id, so a re-sent mail is recognisably the same.</param>
public sealed record SendMail(Guid MailId, string To, string Template, string Language, IReadOnlyDictionary<string, string> Values);

/// <summary>The mail server could not take the mail now (down, timed out, busy): retried with backoff.</summary>
public sealed class MailDeliveryException(string message, Exception inner) : Exception(message, inner);

/// <summary>The mail can never be delivered as it is (bad address, recipient refused): dead-lettered at once.</summary>
public sealed class MailRejectedException(string message, Exception? inner = null) : Exception(message, inner);
