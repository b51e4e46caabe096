using Cerebellum.Engine.Privacy;
using System.Security.Cryptography;
using System.Text;

namespace Cerebellum.Engine.Cases.Feedback;

/// <summary>
/// What a feedback link opens. Stored under the SHA-256 of the token, never the token itself: the database
/// alone cannot answer for a resident. Holds only what the resident may see (public-class facts and the
/// resolution note), copied when the request was made.
/// </summary>
public sealed class FeedbackInvitation
{
    [Internal]
    public string Id { get; set; } = "";
    [Public]
    public Guid CaseId { get; set; }
    [Public]
    public Guid RequestId { get; set; }
    [Public]
    public string Category { get; set; } = "";
    [Public]
    public string BuildingLabel { get; set; } = "";
    [Internal(MaskFormat.FreeText)]
    public string ResolutionNote { get; set; } = "";
    [Public]
    public DateTimeOffset RequestedAt { get; set; }
    [Public]
    public DateTimeOffset DueAt { get; set; }
    [Public]
    public DateTimeOffset? AnsweredAt { get; set; }
}

/// <summary>Feedback tokens: 256 random bits, URL-safe; looked up by hash.</summary>
public static class FeedbackToken
{
    /// <summary>Longer input is not a token: refused before hashing, so a huge path costs nothing.</summary>
    public const int MaxLength = 64;

    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool LooksValid(string? token) => token is { Length: > 0 and <= MaxLength };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
