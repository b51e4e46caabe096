using Cerebellum.Portal.Hosting;
using Cerebellum.Testing;

namespace Cerebellum.Portal.Tests;

/// <summary>`workflows validate|diagram &lt;file&gt;` against real definition files; no database involved.</summary>
public sealed class WorkflowsCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("workflows-cli-").FullName;

    private static readonly string Emergency = Path.Combine(RepoPaths.Samples, "workflows", "emergency-dispatch.yaml");

    private static (int Exit, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var exit = WorkflowsCommand.Run(args, output);
        return (exit, output.ToString());
    }

    [Fact]
    public void Validate_accepts_every_sample_definition()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Samples, "workflows"), "*.yaml"))
        {
            var (exit, output) = Run("workflows", "validate", file);
            exit.ShouldBe(WorkflowsCommand.Ok, output);
            output.ShouldContain(" is valid (");
        }
    }

    [Fact]
    public void Validate_prints_every_problem_with_file_line_and_column()
    {
        var file = Path.Combine(directory, "broken.yaml");
        File.WriteAllText(file, File.ReadAllText(Emergency).Replace("minLevel: orange", "minLevel: purple").Replace("feedbackWithinDays: 3", "feedbackWithinDays: 0"));

        var (exit, output) = Run("workflows", "validate", file);

        exit.ShouldBe(WorkflowsCommand.Invalid);
        output.ShouldContain($"{file}(");
        output.ShouldContain("purple");
        output.ShouldContain("feedbackWithinDays");
        output.ShouldContain("error(s): the definition is not valid.");
    }

    [Fact]
    public void Diagram_prints_mermaid_in_chinese_or_english()
    {
        var (exit, zh) = Run("workflows", "diagram", Emergency);
        exit.ShouldBe(WorkflowsCommand.Ok);
        zh.ShouldStartWith("flowchart TD\n");
        zh.ShouldContain("时限：红 10分钟");

        var (enExit, en) = Run("workflows", "diagram", Emergency, "--lang", "en");
        enExit.ShouldBe(WorkflowsCommand.Ok);
        en.ShouldContain("SLA: red 10 min");
    }

    [Theory]
    [InlineData("workflows")]
    [InlineData("workflows", "draw", "x.yaml")]
    [InlineData("workflows", "diagram", "x.yaml", "--lang", "fr")]
    [InlineData("workflows", "validate", "x.yaml", "--lang", "en")]
    public void Bad_usage_prints_the_usage(params string[] args)
    {
        var (exit, output) = Run(args);
        exit.ShouldBe(WorkflowsCommand.Usage);
        output.ShouldContain("usage: workflows validate");
    }

    [Fact]
    public void A_missing_file_is_reported_like_a_load_error()
    {
        var missing = Path.Combine(directory, "nope.yaml");
        var (exit, output) = Run("workflows", "validate", missing);
        exit.ShouldBe(WorkflowsCommand.Invalid);
        output.ShouldStartWith($"{missing}(1,1): cannot read the file");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
