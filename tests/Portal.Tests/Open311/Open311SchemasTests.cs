namespace Cerebellum.Portal.Tests.Open311;

/// <summary>The schema check itself: a validator that accepts everything would make every other test moot.</summary>
public sealed class Open311SchemasTests
{
    [Theory]
    [InlineData("[{\"service_code\":1,\"service_name\":\"x\",\"metadata\":false,\"type\":\"realtime\"}]", "services.json")]
    [InlineData("[{\"service_code\":\"a\",\"service_name\":\"x\",\"metadata\":false,\"type\":\"sometimes\"}]", "services.json")]
    [InlineData("[{\"service_request_id\":\"1\",\"status\":\"pending\",\"service_code\":\"a\",\"requested_datetime\":\"2026-11-28T08:00:00+08:00\"}]", "requests.json")]
    [InlineData("[{\"service_request_id\":\"1\",\"status\":\"open\",\"service_code\":\"a\",\"requested_datetime\":\"yesterday\"}]", "requests.json")]
    [InlineData("{\"service_code\":\"a\",\"attributes\":[{\"code\":\"c\",\"datatype\":\"string\",\"required\":true}]}", "service-definition.json")]
    [InlineData("[{\"token\":42}]", "post-response.json")]
    public void Schemas_reject_wrong_shapes(string json, string schema) =>
        Should.Throw<ShouldAssertException>(() => Open311Schemas.ShouldMatch(json, schema));

    [Fact]
    public void Schemas_accept_the_spec_example_with_string_codes() =>
        Open311Schemas.ShouldMatch(
            "[{\"service_request_id\":\"638344\",\"status\":\"closed\",\"status_notes\":\"Duplicate request.\",\"service_name\":\"Sidewalk and Curb Issues\",\"service_code\":\"006\",\"requested_datetime\":\"2010-04-14T06:37:38-08:00\",\"lat\":37.762221815,\"long\":-122.4651145}]",
            "requests.json");
}
