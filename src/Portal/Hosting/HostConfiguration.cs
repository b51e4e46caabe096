namespace Cerebellum.Portal.Hosting;

/// <summary>Where the host finds its database and its sample files.</summary>
public static class HostConfiguration
{
    /// <summary>A command line's --db wins over GOVERNANCE_DB, which wins over appsettings' ConnectionStrings:Governance.</summary>
    public static string ConnectionString(IConfiguration config) =>
        NonEmpty(config["db"]) ?? NonEmpty(config["GOVERNANCE_DB"]) ?? NonEmpty(config.GetConnectionString("Governance"))
        ?? throw new InvalidOperationException(
            "No database configured: set GOVERNANCE_DB or ConnectionStrings:Governance (./run.sh does this for you).");

    /// <summary>Cerebellum:SamplesPath, else the samples/ folder of the checkout the host runs from.</summary>
    public static string SamplesPath(IConfiguration config, string contentRoot)
    {
        if (NonEmpty(config["Cerebellum:SamplesPath"]) is { } configured) return Path.GetFullPath(configured);
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Governance.sln")))
                    return Path.Combine(dir.FullName, "samples");
        throw new InvalidOperationException("Cannot find the samples folder: set Cerebellum:SamplesPath.");
    }

    /// <summary>Cerebellum:VendorsPath, else samples/vendors.</summary>
    public static string VendorsPath(IConfiguration config, string samples) =>
        NonEmpty(config["Cerebellum:VendorsPath"]) is { } configured ? Path.GetFullPath(configured) : Path.Combine(samples, "vendors");

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
