namespace Cerebellum.Portal.Hosting;

/// <summary>
/// <c>--name value</c> options after a command's positional arguments. Unknown, repeated or value-less options are
/// usage errors, so a typo (<c>--form</c>) is never silently ignored.
/// </summary>
internal static class CommandOptions
{
    public static (Dictionary<string, string> Options, string? Error) Parse(IEnumerable<string> args, params string[] allowed)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal) || !allowed.Contains(name[2..]))
                return (options, $"unknown option '{name}' (options: {string.Join(", ", allowed.Select(a => "--" + a))})");
            if (options.ContainsKey(name[2..])) return (options, $"'{name}' is given twice");
            if (!e.MoveNext()) return (options, $"'{name}' needs a value");
            options[name[2..]] = e.Current;
        }
        return (options, null);
    }
}
