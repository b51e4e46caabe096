using Cerebellum.Rules;
using Cerebellum.Workflows;

namespace Cerebellum.Engine.Policies;

/// <summary>The rule pack, routing definitions and holiday calendar in force. Loaded and fully
/// validated at start-up: a broken pack stops the host with file, line and column instead of
/// misrouting cases at 3 a.m.</summary>
public sealed class PolicyCatalog(CompiledRulePack rulePack, RoutingCatalog routing, HolidayCalendar calendar)
{
    private volatile CompiledRulePack rulePack = rulePack;
    private volatile RoutingCatalog routing = routing;
    private readonly Lock routingLock = new();

    /// <summary>The pack new assessments use. Publishing swaps it at once, without a restart; an assessment
    /// already running finishes with the pack it started with.</summary>
    public CompiledRulePack RulePack => rulePack;
    /// <summary>The routing definitions: the current version of each routes new cases, every loaded version
    /// stays findable for the cases pinned to it. Publishing replaces the catalog at once, without a restart.</summary>
    public RoutingCatalog Routing => routing;
    public HolidayCalendar Calendar { get; } = calendar;

    /// <summary>Puts a published pack in force if it is newer than the one in force (same pack id).</summary>
    public bool Activate(CompiledRulePack pack)
    {
        lock (this)
        {
            if (pack.Id != rulePack.Id || pack.Version <= rulePack.Version) return false;
            rulePack = pack;
            return true;
        }
    }

    /// <summary>Replaces the routing catalog with one built from the one in force. Builds are serialised, so two
    /// publishes on one node cannot lose each other; a build that throws (a category collision) changes nothing.</summary>
    public RoutingCatalog UpdateRouting(Func<RoutingCatalog, RoutingCatalog> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        lock (routingLock)
        {
            var next = build(routing);
            routing = next;
            return next;
        }
    }

    public static PolicyCatalog LoadFrom(string samplesDirectory, string rulePackFile = "community-default.yaml")
    {
        var packPath = Path.Combine(samplesDirectory, "rules", rulePackFile);
        return LoadFrom(samplesDirectory, RulePackLoader.LoadOrThrow(File.ReadAllText(packPath), packPath));
    }

    /// <summary>The routing definitions and calendars from <paramref name="samplesDirectory"/> with a pack
    /// compiled elsewhere (a draft under test, a pack written inside a test).</summary>
    public static PolicyCatalog LoadFrom(string samplesDirectory, CompiledRulePack pack)
    {
        var definitions = Directory.GetFiles(Path.Combine(samplesDirectory, "workflows"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => RoutingDefinitionLoader.LoadOrThrow(File.ReadAllText(path), path));

        var calendars = Directory.GetFiles(Path.Combine(samplesDirectory, "calendars"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => HolidayCalendar.Load(File.ReadAllText(path), path))
            .ToArray();

        return new PolicyCatalog(pack, new RoutingCatalog(definitions), HolidayCalendar.Merge(calendars));
    }
}
