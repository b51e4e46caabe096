using System.Security.Cryptography;
using System.Text.Json;

namespace Cerebellum.Rules;

/// <summary>Everything one assessment may look at. Rules see exactly these seven facts and nothing else.</summary>
public sealed record AssessmentFacts(
    TriggerFact Trigger,
    CaseFact Case,
    LocationFact Location,
    HouseholdFact Household,
    DeviceFact Device,
    HistoryFact History,
    ClockFact Clock)
{
    /// <summary>All facts at their defaults; handy as a base for <c>with</c> expressions and pack tests.</summary>
    public static AssessmentFacts Empty { get; } = new(new(), new(), new(), new(), new(), new(), new());

    /// <summary>A fingerprint of exactly what the rules saw ("sha256:" + hex of the facts' JSON), recorded with
    /// every assessment so that a later reader can tell whether two assessments saw the same world.</summary>
    public string Digest() =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(this)));
}
