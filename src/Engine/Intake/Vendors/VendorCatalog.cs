using Cerebellum.Engine.Intake.Gateways;
using Cerebellum.Engine.Intake.Mqtt;
using Cerebellum.Engine.Intake.Vendors.Loading;

namespace Cerebellum.Engine.Intake.Vendors;

/// <summary>The vendor profiles in force, and how each channel picks one.</summary>
public sealed class VendorCatalog(IReadOnlyList<VendorProfile> profiles)
{
    public IReadOnlyList<VendorProfile> Profiles { get; } = profiles;

    /// <summary>Reads every *.yaml in the folder (none is fine). Any bad profile stops the load with every
    /// diagnostic of every file: the host must not run with a vendor's alarms half understood.</summary>
    public static VendorCatalog LoadFrom(string folder)
    {
        if (!Directory.Exists(folder)) return new VendorCatalog([]);
        var profiles = new List<VendorProfile>();
        var diagnostics = new List<ProfileDiagnostic>();
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var result = VendorProfileLoader.Load(File.ReadAllText(file), file);
            diagnostics.AddRange(result.Diagnostics);
            if (result.Profile is not { } profile) continue;
            if (profiles.Any(p => p.Id == profile.Id || (profile.Match.Route ?? "\0") == p.Match.Route))
                diagnostics.Add(new ProfileDiagnostic(file, 1, 1, "vendor", $"vendor '{profile.Id}' or its route is already defined by another file"));
            else profiles.Add(profile);
        }
        return diagnostics.Count > 0 ? throw new VendorProfileLoadException(diagnostics) : new VendorCatalog(profiles);
    }

    /// <summary>POST /api/v1/vendors/{route}/signals: the route name, or the profile id.</summary>
    public VendorProfile? ForRoute(string route) =>
        Profiles.FirstOrDefault(p => p.Match.Route == route) ?? Profiles.FirstOrDefault(p => p.Id == route);

    /// <summary>The gateway's own setting wins; otherwise a profile that lists the gateway.</summary>
    public VendorProfile? ForGateway(Gateway gateway) =>
        gateway.VendorProfile is { } id ? Profiles.FirstOrDefault(p => p.Id == id)
        : Profiles.FirstOrDefault(p => p.Match.Gateways.Contains(gateway.Id));

    public VendorProfile? ForTopic(string topic) =>
        Profiles.FirstOrDefault(p => p.Match.Topics.Any(f => MqttTopicFilter.Matches(f, topic)));
}
