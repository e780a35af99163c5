using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;

namespace Identity.Revocation.Grpc;

/// <summary>Bounds on what callers send, so one bad request cannot bloat Redis keys or a stream entry.</summary>
internal static class RequestValidation
{
    private const int MaxIdLength = 256;
    private const int MaxReasonLength = 512;
    private const int MaxAttributes = 32;
    private const int MaxAttributeLength = 1024;

    public static string Id(string value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw Errors.InvalidArgument($"{field} is required.");
        }
        if (value.Length > MaxIdLength)
        {
            throw Errors.InvalidArgument($"{field} is longer than {MaxIdLength} characters.");
        }
        return value;
    }

    public static string Reason(string value) =>
        value.Length <= MaxReasonLength ? value : throw Errors.InvalidArgument($"reason is longer than {MaxReasonLength} characters.");

    public static (DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt) Lifetime(Timestamp? issuedAt, Timestamp? expiresAt, DateTimeOffset now)
    {
        if (expiresAt is null)
        {
            throw Errors.InvalidArgument("expires_at is required: the credential is remembered until then.");
        }
        var issued = issuedAt?.ToDateTimeOffset() ?? now;
        var expires = expiresAt.ToDateTimeOffset();
        return expires > issued ? (issued, expires) : throw Errors.InvalidArgument("expires_at must be after issued_at.");
    }

    public static IReadOnlyDictionary<string, string> Attributes(MapField<string, string> attributes)
    {
        if (attributes.Count > MaxAttributes)
        {
            throw Errors.InvalidArgument($"At most {MaxAttributes} attributes may be recorded.");
        }
        if (attributes.Any(a => a.Key.Length > MaxIdLength || a.Value.Length > MaxAttributeLength))
        {
            throw Errors.InvalidArgument($"Attribute names are at most {MaxIdLength} and values at most {MaxAttributeLength} characters.");
        }
        return attributes.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
    }
}
