namespace Cerebellum.Engine.Privacy.Retention;

/// <summary>Which classes the event-data masking in progress erases. Marten's masking rule is registered once, at
/// configuration (<see cref="EngineSetup"/>); retention's two stages (sensitive at 30 days, personal at 180) need it
/// to erase more or less, so the caller of <c>ApplyEventDataMasking</c> says which here for the duration of the call
/// (the rule runs in the caller's async flow). Outside a scope the rule erases everything personal: never less.</summary>
public static class ErasureScope
{
    private static readonly AsyncLocal<DataClass?> current = new();

    public static DataClass Current => current.Value ?? DataClass.Personal;

    public static IDisposable Begin(DataClass from)
    {
        var before = current.Value;
        current.Value = from;
        return new Restore(before);
    }

    private sealed class Restore(DataClass? before) : IDisposable
    {
        public void Dispose() => current.Value = before;
    }
}
