using System.Net;
using System.Text.Json;
using Alba;
using Cerebellum.Portal.Hosting;
using UglyToad.PdfPig;

namespace Cerebellum.Portal.Tests;

/// <summary>An auditor produces the ethics review pack over HTTP (in the background, with progress) and from the
/// command line; both are recorded in the audit trail.</summary>
[Collection(nameof(PortalCollection))]
public sealed class EthicsReviewApiTests(PortalFixture fixture)
{
    private async Task<(int Status, JsonElement Body)> SendAsync(string method, string url, string cookie, object? body = null)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            if (method == "POST") s.Post.Json(body!).ToUrl(url);
            else s.Get.Url(url);
            s.WithRequestHeader("Cookie", cookie);
            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        return (result.Context.Response.StatusCode, text == "" ? default : JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task An_auditor_queues_the_pack_watches_it_finish_and_downloads_a_pdf_with_chinese_text()
    {
        var auditor = await fixture.SignInAsync("auditor1", "auditor-demo");
        var now = DateTimeOffset.UtcNow;
        var (status, job) = await SendAsync("POST", "/api/v1/exports/ethics-review", auditor,
            new { from = now.AddDays(-30), to = now.AddMinutes(1), language = "zh-CN" });
        status.ShouldBe(202);
        var id = job.GetProperty("id").GetGuid();

        JsonElement current = default;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(100);
            (_, current) = await SendAsync("GET", $"/api/v1/exports/{id}", auditor);
        } while (current.GetProperty("status").GetString() is "queued" or "running" && DateTime.UtcNow < deadline);
        current.GetProperty("status").GetString().ShouldBe("done", current.GetRawText());
        current.GetProperty("progress").GetInt32().ShouldBe(100);
        var digest = current.GetProperty("digest").GetString()!;

        var client = fixture.Host.Server.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", auditor);
        var pdf = await client.GetByteArrayAsync($"/api/v1/exports/{id}/files/ethics-review.pdf");
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Concat(document.GetPages().SelectMany(p => p.Letters).Select(l => l.Value));
            text.ShouldContain("隐私与伦理审查报告");
            text.ShouldContain(digest);
        }
        var json = await client.GetByteArrayAsync($"/api/v1/exports/{id}/files/ethics-review.json");
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(json)).ShouldBe(digest);

        var (_, audit) = await SendAsync("GET", "/api/v1/audit?action=exported&actor=auditor1", auditor);
        audit.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("detail").GetString())
            .ShouldContain(d => d!.Contains(digest));
    }

    [Fact]
    public async Task Only_auditors_export_and_bad_periods_name_the_field()
    {
        var handler = await fixture.SignInAsync("police1", "police-demo");
        (await SendAsync("POST", "/api/v1/exports/ethics-review", handler, new { from = "2026-10-01T00:00:00+08:00", to = "2026-11-01T00:00:00+08:00" }))
            .Status.ShouldBe(403);

        var auditor = await fixture.SignInAsync("auditor1", "auditor-demo");
        var (status, problem) = await SendAsync("POST", "/api/v1/exports/ethics-review", auditor,
            new { from = "2026-11-01T00:00:00+08:00", to = "2026-10-01T00:00:00+08:00" });
        status.ShouldBe(400);
        problem.GetProperty("errors").TryGetProperty("to", out _).ShouldBeTrue();
        var (tooLong, _) = await SendAsync("POST", "/api/v1/exports/ethics-review", auditor,
            new { from = "2024-01-01T00:00:00+08:00", to = "2026-01-01T00:00:00+08:00" });
        tooLong.ShouldBe(400);
        var (missing, missingProblem) = await SendAsync("POST", "/api/v1/exports/ethics-review", auditor, new { language = "fr" });
        missing.ShouldBe(400);
        var errors = missingProblem.GetProperty("errors");
        (errors.TryGetProperty("from", out _), errors.TryGetProperty("to", out _), errors.TryGetProperty("language", out _)).ShouldBe((true, true, true));
        (await SendAsync("GET", $"/api/v1/exports/{Guid.NewGuid()}", auditor)).Status.ShouldBe(404);
    }

    [Fact]
    public async Task The_command_line_writes_the_pdf_the_json_and_its_checksum()
    {
        var dir = Directory.CreateTempSubdirectory("ethics-");
        try
        {
            var output = new StringWriter();
            var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
            var code = await ExportCommand.RunAsync(["export", "ethics-review", "--from", today.AddDays(-7).ToString("yyyy-MM-dd"),
                "--to", today.AddDays(1).ToString("yyyy-MM-dd"), "--lang", "en", "--out", dir.FullName], fixture.Store, output, DateTimeOffset.UtcNow, default);
            code.ShouldBe(ExportCommand.Done, output.ToString());
            var json = await File.ReadAllBytesAsync(Path.Combine(dir.FullName, "ethics-review.json"));
            var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(json));
            (await File.ReadAllTextAsync(Path.Combine(dir.FullName, "ethics-review.json.sha256"))).ShouldStartWith(digest);
            using var document = PdfDocument.Open(Path.Combine(dir.FullName, "ethics-review.pdf"));
            string.Concat(document.GetPages().SelectMany(p => p.Letters).Select(l => l.Value)).ShouldContain("Case volumes by category and level");

            (await ExportCommand.RunAsync(["export", "ethics-review", "--from", "2026-11-01"], fixture.Store, new StringWriter(), DateTimeOffset.UtcNow, default))
                .ShouldBe(ExportCommand.Usage);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
