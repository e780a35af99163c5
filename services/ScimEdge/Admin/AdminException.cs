namespace Identity.ScimEdge.Admin;

/// <summary>Bad input to the admin API, found before any RPC; <see cref="AdminExceptionFilter"/> answers it.</summary>
internal sealed class AdminException(int status, string error, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Error { get; } = error;

    public static AdminException BadRequest(string detail) => new(StatusCodes.Status400BadRequest, "invalid_request", detail);
}
