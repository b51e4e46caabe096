namespace Cerebellum.Engine.Audit;

/// <summary>Why someone may see data above their clearance (PIPL: processing needs a specific purpose).
/// A purpose is one of these codes plus a free-text explanation; both go into the audit trail.</summary>
public static class AccessPurposes
{
    public sealed record Purpose(string Code, string ZhCn, string En);

    public static readonly IReadOnlyList<Purpose> All =
    [
        new("emergency-response", "紧急救援处置", "Emergency response"),
        new("case-handling", "办理本案所需", "Needed to handle this case"),
        new("resident-request", "应当事居民请求", "At the resident's own request"),
        new("supervision", "督办核查", "Supervision (督办) check"),
        new("legal-obligation", "依法协查", "Legal obligation (official request)"),
    ];

    public const int MinTextLength = 4;
    public const int MaxTextLength = 500;

    public static bool IsKnown(string? code) => All.Any(p => p.Code == code);

    /// <summary>Null when acceptable, else what is wrong (field name, message).</summary>
    public static (string Field, string Message)? Check(string? code, string? text)
    {
        if (!IsKnown(code))
            return ("purpose", $"State why you need this data: one of {string.Join(", ", All.Select(p => p.Code))}.");
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length < MinTextLength)
            return ("purposeText", $"Explain the purpose in your own words (at least {MinTextLength} characters).");
        if (trimmed.Length > MaxTextLength)
            return ("purposeText", $"Keep the explanation under {MaxTextLength} characters.");
        return null;
    }
}
