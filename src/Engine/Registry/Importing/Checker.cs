using System.Text.RegularExpressions;

namespace Cerebellum.Engine.Registry.Importing;

/// <summary>The recurring checks of <see cref="RegistryValidator"/>, each adding at most one error.</summary>
internal sealed class Checker(List<ImportError> errors)
{
    /// <summary>Every id present, well-formed and not repeated within its kind; a repeat names the first row.</summary>
    public void UniqueIds<T>(IEnumerable<Sourced<T>> records, Func<T, string?> id)
    {
        var first = new Dictionary<string, RowRef>();
        foreach (var (item, at) in records)
        {
            var value = id(item);
            if (!Format(at, "id", value, RegistryFormats.Id(), "lowercase letters and digits in dash-separated groups, e.g. cy1-b2")) continue;
            if (!first.TryAdd(value!, at)) errors.Add(at.Error("id", $"Duplicate id '{value}' (first at {first[value!]})."));
        }
    }

    public bool Text(RowRef at, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(at.Error(field, "Required."));
        else if (value.Length > RegistryFormats.MaxNameLength) errors.Add(at.Error(field, $"Longer than {RegistryFormats.MaxNameLength} characters."));
        else return true;
        return false;
    }

    public bool Format(RowRef at, string field, string? value, Regex pattern, string expected)
    {
        if (string.IsNullOrEmpty(value)) errors.Add(at.Error(field, "Required."));
        else if (!pattern.IsMatch(value)) errors.Add(at.Error(field, $"'{value}' is not {expected}."));
        else return true;
        return false;
    }

    /// <summary>True when the reference is present and points at a known record.</summary>
    public bool Reference(RowRef at, string field, string? id, IEnumerable<string> known, string what)
    {
        if (string.IsNullOrEmpty(id)) errors.Add(at.Error(field, "Required."));
        else if (!(known is ICollection<string> set ? set.Contains(id) : known.Contains(id)))
            errors.Add(at.Error(field, $"No {what} '{id}' in this import or the registry."));
        else return true;
        return false;
    }
}
