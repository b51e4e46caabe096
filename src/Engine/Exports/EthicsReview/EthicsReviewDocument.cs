using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cerebellum.Engine.Exports.EthicsReview;

/// <summary>The bundle as files: canonical JSON, its SHA-256, and the PDF that quotes the digest so the two can be
/// matched by anyone holding both.</summary>
public static class EthicsReviewDocument
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static byte[] ToJson(EthicsReviewBundle bundle) => JsonSerializer.SerializeToUtf8Bytes(bundle, Json);

    public static EthicsReviewBundle FromJson(byte[] json) =>
        JsonSerializer.Deserialize<EthicsReviewBundle>(json, Json) ?? throw new InvalidDataException("Empty ethics review bundle.");

    public static string Digest(byte[] json) => Convert.ToHexStringLower(SHA256.HashData(json));
}
