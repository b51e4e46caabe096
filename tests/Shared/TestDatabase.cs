using Npgsql;

namespace Cerebellum.Testing;

/// <summary>A fresh database per test fixture on the throwaway PostgreSQL that ./test.sh starts
/// (GOVERNANCE_TEST_DB points at its maintenance database). Test projects run in parallel, so
/// each fixture gets its own database instead of sharing one.</summary>
public static class TestDatabase
{
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("GOVERNANCE_TEST_DB")
        ?? throw new InvalidOperationException(
            "GOVERNANCE_TEST_DB is not set. Run ./test.sh, which starts a throwaway PostgreSQL for the tests.");

    public static async Task<string> CreateAsync(string purpose)
    {
        var name = $"t_{purpose}_{Guid.NewGuid():N}".ToLowerInvariant();
        if (name.Length > 63) name = name[..63]; // PostgreSQL's identifier limit
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, MaxPoolSize = 40 }.ConnectionString;
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
