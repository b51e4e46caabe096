using Cerebellum.Engine.Registry;
using Marten;

namespace Cerebellum.Portal.Api.Open311;

/// <summary>The spec's optional jurisdiction_id: this server is one community's jurisdiction, so the id
/// is either absent or that community's registry id (e.g. "cuiyuan").</summary>
public static class Jurisdiction
{
    /// <summary>Null when the id is absent or ours; otherwise the 404 to answer.</summary>
    public static async Task<IResult?> CheckAsync(IQuerySession session, Open311Format format, string? jurisdictionId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(jurisdictionId)) return null;
        var ours = await session.LoadAsync<Community>(jurisdictionId.Trim(), ct);
        return ours is not null ? null
            : Open311Response.Errors(format, StatusCodes.Status404NotFound, $"jurisdiction_id '{jurisdictionId}' was not found");
    }
}
