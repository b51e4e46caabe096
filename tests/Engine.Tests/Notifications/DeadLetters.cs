using Npgsql;

namespace Cerebellum.Engine.Tests.Notifications;

/// <summary>Reads Wolverine's dead-letter table, where a mail ends when it cannot or will not be delivered.</summary>
public static class DeadLetters
{
    /// <summary>The exception type recorded for the mail once it is dead-lettered; throws if that does not happen in time.</summary>
    public static async Task<string> WaitForMailAsync(string connectionString, Guid mailId, string what)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            // The stored body is the message as JSON, so the mail id is in it.
            await using var query = new NpgsqlCommand(
                $"select exception_type from {EngineSetup.Schema}.wolverine_dead_letters where encode(body, 'escape') like @mail", connection);
            query.Parameters.AddWithValue("mail", $"%{mailId}%");
            if (await query.ExecuteScalarAsync() is string exception) return exception;
            await Task.Delay(100);
        }
        throw new TimeoutException(what);
    }
}
