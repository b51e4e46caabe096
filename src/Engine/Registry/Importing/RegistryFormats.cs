using System.Text.RegularExpressions;
using Cerebellum.Rules;

namespace Cerebellum.Engine.Registry.Importing;

/// <summary>The formats registry fields must have.</summary>
public static partial class RegistryFormats
{
    public const int MaxNameLength = 100;
    public const int MaxFloors = 200;
    public const int EarliestBirthYear = 1900;

    public static readonly string PartyNames =
        string.Join(", ", Enum.GetValues<Party>().Select(p => p.ToString().ToLowerInvariant()));

    /// <summary>Ids: lowercase letters and digits in dash-separated groups (<c>cy1-b1-u0101</c>).</summary>
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex Id();

    /// <summary>Device kinds and vendors: lowercase words joined by dashes (<c>elevator-trapped</c>).</summary>
    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    public static partial Regex Kind();

    /// <summary>A mainland mobile number (11 digits, 13x–19x) or a landline with area code (0571-87654321).</summary>
    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    public static partial Regex Phone();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    public static partial Regex Email();
}
