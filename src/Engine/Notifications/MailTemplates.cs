using System.Reflection;
using System.Text.RegularExpressions;

namespace Cerebellum.Engine.Notifications;

/// <summary>A mail ready to send: subject and plain-text body in one language.</summary>
public sealed record RenderedMail(string Subject, string Body);

/// <summary>
/// The mail templates (Notifications/Templates/*.txt, embedded): one file per template and language,
/// "Subject: …", a blank line, then the body, with {placeholders}. terms.{language}.txt holds the words
/// that fill them (risk levels, parties, categories). Loaded and checked once: every template exists in
/// every language with the same placeholders, so a typo fails at start-up, not in a mail at 3 a.m.
/// </summary>
public sealed partial class MailTemplates
{
    public const string TaskAssigned = "task-assigned";
    public const string FeedbackRequested = "feedback-requested";
    public const string Escalation = "escalation";
    public static readonly string[] Names = [TaskAssigned, FeedbackRequested, Escalation];
    public static readonly string[] Languages = ["zh-CN", "en"];
    public const string DefaultLanguage = "zh-CN";

    private readonly Dictionary<(string Name, string Language), (string Subject, string Body)> templates = [];
    private readonly Dictionary<string, Dictionary<string, string>> terms = [];

    private MailTemplates() { }

    public static MailTemplates Embedded { get; } = Load();

    private static MailTemplates Load()
    {
        var loaded = new MailTemplates();
        foreach (var language in Languages)
        {
            loaded.terms[language] = ReadTerms(Read($"terms.{language}.txt"));
            foreach (var name in Names) loaded.templates[(name, language)] = Parse($"{name}.{language}.txt", Read($"{name}.{language}.txt"));
        }

        foreach (var name in Names)
        {
            var expected = Placeholders(loaded.templates[(name, DefaultLanguage)]);
            foreach (var language in Languages.Where(l => !Placeholders(loaded.templates[(name, l)]).SetEquals(expected)))
                throw new InvalidOperationException($"Mail template {name}.{language} does not use the same placeholders as {name}.{DefaultLanguage}.");
        }
        return loaded;
    }

    /// <summary>The language a mail goes out in: the one asked for when there are templates for it, else zh-CN.</summary>
    public static string LanguageOrDefault(string? language) =>
        Languages.FirstOrDefault(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase)) ?? DefaultLanguage;

    /// <summary>The set of placeholders a template needs, e.g. for a caller to check it supplies them all.</summary>
    public IReadOnlySet<string> PlaceholdersOf(string name) => Placeholders(templates[(name, DefaultLanguage)]);

    /// <summary>A word for a mail: <paramref name="kind"/> is level, party or category; unknown values show as written.</summary>
    public string Term(string language, string kind, string value) =>
        terms[LanguageOrDefault(language)].GetValueOrDefault($"{kind}.{value}", value);

    /// <exception cref="KeyNotFoundException">No such template.</exception>
    /// <exception cref="ArgumentException">A placeholder has no value: a bug in the caller, never a half-filled mail.</exception>
    public RenderedMail Render(string name, string language, IReadOnlyDictionary<string, string> values)
    {
        var (subject, body) = templates[(name, LanguageOrDefault(language))];
        var missing = Placeholders((subject, body)).Where(p => !values.ContainsKey(p)).ToList();
        if (missing.Count > 0) throw new ArgumentException($"Mail template {name} needs values for {string.Join(", ", missing)}.", nameof(values));
        // Values are single-line: a line break in a value could forge a header in the subject.
        return new(Fill(subject, values, singleLine: true), Fill(body, values, singleLine: false));
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> values, bool singleLine) =>
        Placeholder().Replace(text, m =>
        {
            var value = values[m.Groups[1].Value];
            return singleLine ? value.ReplaceLineEndings(" ") : value;
        });

    private static HashSet<string> Placeholders((string Subject, string Body) template) =>
        [.. Placeholder().Matches(template.Subject + "\n" + template.Body).Select(m => m.Groups[1].Value)];

    private static (string Subject, string Body) Parse(string file, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (!lines[0].StartsWith("Subject: ", StringComparison.Ordinal) || lines.Length < 3 || lines[1].Length != 0)
            throw new InvalidOperationException($"Mail template {file} must start with 'Subject: …' and a blank line.");
        return (lines[0]["Subject: ".Length..].Trim(), string.Join("\n", lines.Skip(2)).TrimEnd() + "\n");
    }

    private static Dictionary<string, string> ReadTerms(string text) =>
        text.ReplaceLineEndings("\n").Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());

    private static string Read(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Cerebellum.Notifications.{file}")
            ?? throw new InvalidOperationException($"Mail template {file} is not embedded in the engine.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Placeholder();
}
