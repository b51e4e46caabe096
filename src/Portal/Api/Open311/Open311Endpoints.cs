namespace Cerebellum.Portal.Api.Open311;

/// <summary>Open311 GeoReport v2 under /open311/v2 (docs/open311.md). Program.cs maps it with one line.</summary>
public static class Open311Endpoints
{
    public const string Base = "/open311/v2";

    public static void MapOpen311(this IEndpointRouteBuilder app)
    {
        // Form posts come from other applications holding an api_key, not from our pages: the
        // portal's antiforgery check does not apply.
        var group = app.MapGroup(Base).DisableAntiforgery();
        GetDiscovery.Map(group);
        GetServices.Map(group);
        GetServiceDefinition.Map(group);
        PostRequest.Map(group);
        GetRequests.Map(group);
        GetRequest.Map(group);
        GetToken.Map(group);
    }
}
