using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Resources;
using Microsoft.AspNetCore.Http.Features;

namespace Identity.ScimEdge.Requests;

/// <summary>Reads a SCIM request body: JSON media types only, bounded in size and depth, an object at the top.</summary>
internal static class ScimBodyReader
{
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        RequireJsonMediaType(request);
        if (request.ContentLength > maxBytes)
        {
            throw new ScimException(StatusCodes.Status413PayloadTooLarge, null, $"The request body is larger than {maxBytes} bytes.");
        }
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            // Kestrel then stops reading at the limit, whatever Content-Length claimed (or chunked bodies).
            sizeFeature.MaxRequestBodySize = maxBytes;
        }
        var buffer = await ReadAllAsync(request.Body, maxBytes, cancellationToken);
        try
        {
            // One strict pass: encoding, duplicate members and depth are refused here, at the door.
            var node = StrictJsonParser.Parse(buffer.WrittenSpan, StrictJsonParser.DefaultMaxDepth);
            return node as JsonObject ?? throw ScimException.InvalidSyntax("The request body must be a JSON object.");
        }
        finally
        {
            buffer.Dispose();
        }
    }

    private static async Task<PooledBuffer> ReadAllAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new PooledBuffer();
        try
        {
            while (true)
            {
                var read = await body.ReadAsync(buffer.GetMemory(), cancellationToken);
                if (read == 0)
                {
                    return buffer;
                }
                buffer.Advance(read);
                if (buffer.Length > maxBytes)
                {
                    throw new ScimException(StatusCodes.Status413PayloadTooLarge, null, $"The request body is larger than {maxBytes} bytes.");
                }
            }
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    private static void RequireJsonMediaType(HttpRequest request)
    {
        var contentType = request.ContentType;
        if (string.IsNullOrEmpty(contentType))
        {
            return; // Some IdPs omit it on PATCH; the body still has to be JSON.
        }
        var mediaType = contentType.Split(';', 2)[0].Trim();
        if (!mediaType.Equals("application/scim+json", StringComparison.OrdinalIgnoreCase)
            && !mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ScimException(StatusCodes.Status415UnsupportedMediaType, null,
                $"Content-Type '{mediaType}' is not accepted: send application/scim+json or application/json.");
        }
    }
}
