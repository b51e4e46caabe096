using Cerebellum.Workflows;

namespace Cerebellum.Workflows.Tests;

/// <summary>
/// The real sample files from the repository, found by walking up to Governance.sln, so the
/// tests check the files that ship rather than copies that could drift from them.
/// </summary>
internal static class SampleFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepositoryRoot => Root.Value;

    public static RoutingDefinition Definition(string name) =>
        RoutingDefinitionLoader.LoadOrThrow(Read("samples", "workflows", name + ".yaml"), name + ".yaml");

    public static IReadOnlyList<RoutingDefinition> AllDefinitions() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryRoot, "samples", "workflows"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => RoutingDefinitionLoader.LoadOrThrow(File.ReadAllText(path), Path.GetFileName(path)))];

    public static HolidayCalendar Calendar(string name) =>
        HolidayCalendar.Load(Read("samples", "calendars", name + ".yaml"), name + ".yaml");

    /// <summary>2026 and 2027 together, as the Engine would load them.</summary>
    public static HolidayCalendar China() => HolidayCalendar.Merge(Calendar("cn-2026"), Calendar("cn-2027"));

    public static string Read(params string[] parts) => File.ReadAllText(Path.Combine([RepositoryRoot, .. parts]));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Governance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Governance.sln not found above " + AppContext.BaseDirectory);
    }
}
