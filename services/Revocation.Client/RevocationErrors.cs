using Google.Rpc;
using Grpc.Core;

namespace Identity.Revocation.Client;

/// <summary>How to read the Revocation service's errors.</summary>
public static class RevocationErrors
{
    /// <summary>The ErrorInfo reason of an UNAVAILABLE answer while the service rebuilds a tenant's blocks from Directory.</summary>
    public const string RebuildingReason = "Rebuilding";

    /// <summary>
    /// Whether <paramref name="exception"/> says the service is rebuilding the tenant's state: retry
    /// shortly, and never treat the credential as valid meanwhile, whatever a fail-open setting says.
    /// </summary>
    public static bool IsRebuilding(RpcException exception) =>
        exception.StatusCode == StatusCode.Unavailable
        && exception.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason == RebuildingReason;
}
