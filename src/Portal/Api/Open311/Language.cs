using System.Globalization;
using Cerebellum.Rules;

namespace Cerebellum.Portal.Api.Open311;

/// <summary>Names and notes follow the request culture (zh-CN by default, ?culture=en for English),
/// like the portal's pages.</summary>
public static class Language
{
    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static string Pick(LocalizedText text) => text.For(CultureInfo.CurrentUICulture.Name);

    public static string Pick(string zhCn, string en) => IsChinese ? zhCn : en;
}
