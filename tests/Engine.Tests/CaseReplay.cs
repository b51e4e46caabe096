using Cerebellum.Engine.Cases;
using Case = Cerebellum.Engine.Cases.Case;

namespace Cerebellum.Engine.Tests;

/// <summary>Folds decided events into the write model, as Marten does when it loads a case, so pure
/// decision tests can chain decisions without a database.</summary>
public static class CaseReplay
{
    public static Case Of(IEnumerable<object> events, Case? from = null)
    {
        var state = from;
        foreach (var e in events)
            state = e switch
            {
                CaseOpened o => Case.Create(o),
                SignalAttached s => state!.Apply(s),
                ComplaintAttached c => state!.Apply(c),
                RiskAssessed r => state!.Apply(r),
                AssessmentFailed f => state!.Apply(f),
                TaskAssigned t => state!.Apply(t),
                _ => throw new ArgumentException($"CaseReplay does not know {e.GetType().Name}"),
            };
        return state!;
    }
}
