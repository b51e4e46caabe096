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
            catch (Exception e) when (e is DocumentAlreadyExistsException or ConcurrencyException && n < Attempts)
            {
            }
        }
    }
}
