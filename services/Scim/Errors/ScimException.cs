using System.Globalization;
using System.Text.Json.Nodes;
using Identity.Scim.Schemas;

namespace Identity.Scim.Errors;

/// <summary>
/// The one exception the SCIM core throws for bad input: an HTTP status, the RFC 7644 §3.12
/// <c>scimType</c> (when one applies) and a detail a person can act on.
/// </summary>
public sealed class ScimException : Exception
{
    /// <summary>Creates an error with the given HTTP status, optional scimType and detail.</summary>
    public ScimException(int status, string? scimType, string detail)
        : base(detail)
    {
        Status = status;
        ScimType = scimType;
        Detail = detail;
    }

    public ScimException()
        : this(500, null, "Internal error.")
    {
    }

    public ScimException(string message)
        : this(400, null, message)
    {
    }

    public ScimException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 400;
        Detail = message;
    }

    /// <summary>HTTP status code (400, 404, 409, 413...).</summary>
    public int Status { get; }

    /// <summary>RFC 7644 §3.12 scimType, or null when the status says it all (404).</summary>
    public string? ScimType { get; }

    /// <summary>Human-readable detail; always present.</summary>
    public string Detail { get; }

    public static ScimException InvalidFilter(string detail) => new(400, ScimErrorTypes.InvalidFilter, detail);

    public static ScimException TooMany(string detail) => new(400, ScimErrorTypes.TooMany, detail);

    public static ScimException Uniqueness(string detail) => new(409, ScimErrorTypes.Uniqueness, detail);

    public static ScimException Mutability(string detail) => new(400, ScimErrorTypes.Mutability, detail);

    public static ScimException InvalidSyntax(string detail) => new(400, ScimErrorTypes.InvalidSyntax, detail);

    public static ScimException InvalidPath(string detail) => new(400, ScimErrorTypes.InvalidPath, detail);

    public static ScimException NoTarget(string detail) => new(400, ScimErrorTypes.NoTarget, detail);

    public static ScimException InvalidValue(string detail) => new(400, ScimErrorTypes.InvalidValue, detail);

    public static ScimException InvalidVersion(string detail) => new(400, ScimErrorTypes.InvalidVersion, detail);

    // RFC 7644 §3.12: sensitive is a 403 ("the request cannot be completed ... e.g. sensitive data in the URI").
    public static ScimException Sensitive(string detail) => new(403, ScimErrorTypes.Sensitive, detail);

    public static ScimException NotFound(string detail = "Resource not found.") => new(404, null, detail);

    /// <summary>
    /// Renders the RFC 7644 §3.12 error envelope; <c>status</c> is a string there, and IdPs
    /// (Okta's spec tests) assert exactly that.
    /// </summary>
    public JsonObject ToErrorDocument()
    {
        var document = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemaUris.Error),
            ["status"] = Status.ToString(CultureInfo.InvariantCulture),
        };
        if (ScimType is not null)
        {
            document["scimType"] = ScimType;
        }

        document["detail"] = Detail;
        return document;
    }
}
