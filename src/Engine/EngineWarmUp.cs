using Cerebellum.Engine.Intake.Complaints;
using Cerebellum.Engine.Intake.Signals;
using Cerebellum.Engine.Policies;
using Cerebellum.Rules;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Cerebellum.Engine;

/// <summary>Wolverine generates and compiles a handler on its first message, which costs about a
/// second. Doing it at start-up keeps that second out of the path of the first alarm of the night.</summary>
public static class EngineWarmUp
{
    public static async Task CompileHandlersAsync(IServiceProvider services)
    {
        // NRules builds its network lazily on the first session.
        services.GetRequiredService<PolicyCatalog>().RulePack.Assess(AssessmentFacts.Empty);

        await using var scope = services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        // No signal or complaint has the empty id, so the handler only loads nothing and returns.
        await bus.InvokeAsync(new ProcessSignal(Guid.Empty));
        await bus.InvokeAsync(new ProcessComplaint(Guid.Empty));
    }
}
