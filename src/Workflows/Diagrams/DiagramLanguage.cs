namespace Cerebellum.Workflows.Diagrams;

/// <summary>The language of a diagram's labels. zh-CN is what district staff read; English on request.</summary>
public enum DiagramLanguage
{
    ZhCn,
    En,
}
