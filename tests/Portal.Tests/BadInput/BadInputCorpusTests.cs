using System.Text.Json;
using Alba;
using Cerebellum.Testing;
using Npgsql;

namespace Cerebellum.Portal.Tests.BadInput;

/// <summary>Every request in the corpus gets a 4xx problem naming the field at fault, stores nothing,
/// and leaves the process answering.</summary>
[Collection(nameof(PortalCollection))]
public sealed class BadInputCorpusTests(PortalFixture fixture)
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in BadRequestCase.Load()) data.Add(c.ToString());
        return data;
    }

    [Fact]
    public void The_corpus_holds_at_least_a_hundred_requests() => BadRequestCase.Load().Count().ShouldBeGreaterThanOrEqualTo(100);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_request_gets_a_clear_4xx_and_leaves_nothing_behind(string name)
    {
        var c = BadRequestCase.Load().Single(x => x.ToString() == name);
        var cookie = c.As is null ? null : await fixture.SignInAsync(c.As, c.As.TrimEnd('1', '2') + "-demo");
        var unit = fixture.Community.Units[0].Id;
        await fixture.WaitForQuietAsync();
        var before = await StoredRowsAsync();

        var body = c.BodyBytes(TestTimes.Iso(DateTimeOffset.UtcNow.AddMinutes(-1)), unit);
        var result = await fixture.Host.Scenario(s =>
        {
            s.ConfigureHttpContext(http =>
            {
                http.Request.Method = c.Method;
                http.Request.Path = c.Path.Split('?')[0];
                if (c.Path.Contains('?')) http.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?" + c.Path.Split('?', 2)[1]);
                http.Request.Body = new MemoryStream(body);
                http.Request.ContentLength = body.Length;
                if (c.ContentType is not null) http.Request.ContentType = c.ContentType;
            });
            if (cookie is not null) s.WithRequestHeader("Cookie", cookie);
            var key = c.ApiKey ?? (c.Path.StartsWith("/api/v1/signals") || c.Path.StartsWith("/api/v1/vendors") ? "corpus" : "none");
            if (key != "none") s.WithRequestHeader("X-Api-Key", key == "corpus" ? fixture.KeyFor("corpus") : key);
            s.IgnoreStatusCode();
        });

        result.Context.Response.StatusCode.ShouldBe(c.Status, c.ToString());
        var text = await result.ReadAsTextAsync();
        if (c.Format == "open311")
        {
            // GeoReport v2: an array of {code, description}, code = the HTTP status.
            var errors = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
            errors.ShouldNotBeEmpty(c.ToString());
            errors.ShouldAllBe(e => e.GetProperty("code").GetInt32() == c.Status);
            if (c.Field is { } named)
                errors.Select(e => e.GetProperty("description").GetString()).ShouldContain(d => d!.Contains(named), c.ToString());
        }
        else if (c.Field is not null || c.Status is not (401 or 403))
        {
            result.Context.Response.ContentType.ShouldStartWith("application/problem+json", customMessage: c.ToString());
            var problem = JsonDocument.Parse(text).RootElement;
            problem.GetProperty("status").GetInt32().ShouldBe(c.Status);
            if (c.Field is { } field)
                problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldContain(field, c.ToString());
        }
        (await StoredRowsAsync()).ShouldBe(before, c.ToString());
        (await fixture.Host.Scenario(s => s.Get.Url("/health"))).Context.Response.StatusCode.ShouldBe(200);
    }

    // Rows in every document and event table of the product's schema: nothing may change.
    private async Task<long> StoredRowsAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = 'cerebellum' and (table_name like 'mt_doc_%' or table_name in ('mt_events', 'mt_streams'))",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        long total = 0;
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"select count(*) from cerebellum.\"{table}\"", connection);
            total += (long)(await count.ExecuteScalarAsync())!;
        }
        return total;
    }
}
