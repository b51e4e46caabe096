using Cerebellum.Rules;

namespace Cerebellum.Workflows;

/// <summary>
/// A task to issue. <see cref="TaskKey"/> is stable for a party within a definition, so after a
/// re-assessment the Engine can dispatch again and issue only keys it has not issued yet.
/// </summary>
/// <param name="SlaDuration">The SLA as a length, or null for working days (no fixed length).</param>
/// <param name="SlaText">The SLA as written, e.g. "10m" or "1wd".</param>
public sealed record TaskDecision(string TaskKey, Party Party, TimeSpan? SlaDuration, string SlaText, DateTimeOffset DueAt);
