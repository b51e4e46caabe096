using System.Reflection;
using Marten.Events;

namespace Cerebellum.Engine.Privacy.Retention;

/// <summary>Registers Marten's event data masking rule for every event type of the engine: the rule is
/// <see cref="Erasure.Erase(object, DataClass)"/>, driven by the classes declared on the event's fields, with the
/// classes of the masking in progress (<see cref="ErasureScope"/>). One rule per concrete type: Marten looks rules up
/// by the stored event's type.</summary>
public static class ErasureRules
{
    private static readonly MethodInfo Register = typeof(IEventStoreOptions).GetMethods()
        .Single(m => m.Name == nameof(IEventStoreOptions.AddMaskingRuleForProtectedInformation)
            && m.GetParameters()[0].ParameterType.GetGenericTypeDefinition() == typeof(Func<,>));

    private static readonly MethodInfo RuleFor = typeof(ErasureRules).GetMethod(nameof(Rule), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static void AddTo(IEventStoreOptions events)
    {
        foreach (var type in StoredTypes.Events())
            Register.MakeGenericMethod(type).Invoke(events, [RuleFor.MakeGenericMethod(type).Invoke(null, null)]);
    }

    private static Func<T, T> Rule<T>() where T : notnull => e => Erasure.Erase(e, ErasureScope.Current);
}
