using NRules.Extensibility;
using NRules.RuleModel;

namespace Cerebellum.Rules.Evaluation;

/// <summary>
/// Notes which rules fire in one session. An action interceptor sees each firing with its rule and is
/// cheaper than subscribing to session events; rule actions are no-ops, so they are not even invoked.
/// One instance per session, hence no locking.
/// </summary>
internal sealed class FiringRecorder : IActionInterceptor
{
    public List<string> Fired { get; } = new(4);

    public void Intercept(IContext context, IReadOnlyCollection<IActionInvocation> actions) =>
        Fired.Add(context.Rule.Name);
}
