using Npgsql;

namespace Cerebellum.Portal.Tests.Mqtt;

/// <summary>Makes PostgreSQL refuse signals whose messageId starts with a prefix (a real CHECK constraint
/// on the signal table), to see what MQTT does when storing fails. Dispose lifts it.</summary>
public sealed class FailingStorage : IAsyncDisposable
{
    private readonly string connectionString;
    private readonly string name = "test_refuse_" + Guid.NewGuid().ToString("N")[..8];

    private FailingStorage(string connectionString) => this.connectionString = connectionString;

    public static async Task<FailingStorage> RefuseAsync(string connectionString, string messageIdPrefix)
    {
        var failing = new FailingStorage(connectionString);
        await failing.ExecuteAsync($"ALTER TABLE cerebellum.mt_doc_signalrecord ADD CONSTRAINT {failing.name} " +
                                   $"CHECK (NOT (data->>'messageId' LIKE '{messageIdPrefix}%')) NOT VALID");
        return failing;
    }

    public async ValueTask DisposeAsync() =>
        await ExecuteAsync($"ALTER TABLE cerebellum.mt_doc_signalrecord DROP CONSTRAINT IF EXISTS {name}");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
