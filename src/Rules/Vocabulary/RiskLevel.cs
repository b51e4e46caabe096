namespace Cerebellum.Rules;

/// <summary>
/// The four-colour scale of Chinese emergency management. Numeric values grow with severity so that
/// "highest level wins" is a plain comparison.
/// </summary>
public enum RiskLevel
{
    /// <summary>IV, 一般 (general).</summary>
    Blue = 1,

    /// <summary>III, 较重 (serious).</summary>
    Yellow = 2,

    /// <summary>II, 严重 (grave).</summary>
    Orange = 3,

    /// <summary>I, 特别严重 (extremely grave).</summary>
    Red = 4,
}
