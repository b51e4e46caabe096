using Cerebellum.Engine.Privacy;
namespace Cerebellum.Engine.Cases.Opening;

/// <summary>Anything that can open or join a case: a device signal, a complaint, a health report, a
/// manual entry. DeviceId is empty for items that do not come from a device.</summary>
public sealed record IncomingItem(
    Guid ItemId, string ItemType, string Kind, int Severity, DateTimeOffset OccurredAt, string Source, string DeviceId,
    string Text, ItemLocation Location);

/// <summary>Where the sender says the item happened (used when no registered device says better).
/// Address is free text (a resident's "3幢东门口"), used when the registry knows none of the ids.</summary>
public sealed record ItemLocation(
    [property: Public] string? Compound, [property: Public] string? Building, [property: Internal(MaskFormat.Unit)] string? Unit,
    [property: Personal(MaskFormat.FreeText)] string? Address = null);
