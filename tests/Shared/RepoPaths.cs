namespace Cerebellum.Testing;

/// <summary>Finds files of the checkout the tests were built from.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("CEREBELLUM_REPO") is { Length: > 0 } fromEnv) return fromEnv;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Governance.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find Governance.sln above " + AppContext.BaseDirectory);
    }
}
