namespace Cerebellum.Rules.Tests.Support;

/// <summary>Finds files in the checkout, so tests exercise the real sample pack and docs rather than copies.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string ReadText(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public static string SamplePackText => ReadText("samples/rules/community-default.yaml");

    public static CompiledRulePack SamplePack { get; } = RulePackLoader.LoadOrThrow(SamplePackText, "community-default.yaml");

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
