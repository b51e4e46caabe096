namespace Cerebellum.Rules;

/// <summary>Text shown to people in both supported languages; rule packs must give both.</summary>
public sealed record LocalizedText(string ZhCn, string En)
{
    /// <summary>Picks the language by a culture name such as "zh-CN" or "en-US"; anything not Chinese gets English.</summary>
    public string For(string cultureName) =>
        cultureName.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? ZhCn : En;
}
