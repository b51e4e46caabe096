using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Cerebellum.Portal.Hosting;

/// <summary>The portal speaks zh-CN by default and English on request (?culture=en or the culture cookie).</summary>
public static class Culture
{
    public static readonly string[] Supported = ["zh-CN", "en"];

    public static RequestLocalizationOptions Options()
    {
        var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
        return new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("zh-CN"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            // Query string, then cookie; the browser's Accept-Language is ignored so that every
            // workstation in the district office shows the same language unless a person asks.
            RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()],
        };
    }
}
