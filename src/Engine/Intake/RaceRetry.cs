using JasperFx;

namespace Cerebellum.Engine.Intake;

/// <summary>Retries work that lost a race in PostgreSQL: another request stored the same key or changed
/// the same case between our read and our write. The next attempt reads what the winner wrote.</summary>
public static class RaceRetry
{
    public const int Attempts = 3;

    public static async Task<T> RunAsync<T>(Func<Task<T>> attempt)
    {
        for (var n = 1; ; n++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception e) when (IsLostRace(e) && n < Attempts)
            {
            }
        }
    }

    /// <summary>True when saving failed only because another writer got there first. Marten reports several
    /// failures of one batch (a duplicate insert and a stale version together) as an AggregateException.</summary>
    public static bool IsLostRace(Exception e) => e switch
    {
        DocumentAlreadyExistsException or ConcurrencyException => true,
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(IsLostRace),
        _ => false,
    };
}
