using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;

namespace Identity.ScimEdge.Admin;

/// <summary>
/// Reads admin request bodies ourselves instead of through parameter binding, so a malformed
/// body answers our 400 shape rather than the framework's empty one.
/// </summary>
internal static class AdminJson
{
    /// <summary>Admin bodies are a few fields; anything larger is a mistake or an attack.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 16,
    };

    /// <summary>The body as <typeparamref name="T"/>; an empty body is <paramref name="empty"/> when given, else a 400.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, T? empty, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw new AdminException(StatusCodes.Status413PayloadTooLarge, "payload_too_large", $"Admin request bodies are at most {MaxBodyBytes} bytes.");
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBodyBytes;
        }
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return empty ?? throw AdminException.BadRequest("This request needs a JSON body.");
        }
        var mediaType = request.ContentType?.Split(';', 2)[0].Trim();
        if (!string.IsNullOrEmpty(mediaType) && !mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new AdminException(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "Send application/json.");
        }
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken)
                ?? empty ?? throw AdminException.BadRequest("The body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, byte {ex.BytePositionInLine + 1}" : "";
            throw AdminException.BadRequest($"The body is not the expected JSON{where}.");
        }
    }
}
