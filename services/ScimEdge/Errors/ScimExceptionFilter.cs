using Grpc.Core;
using Identity.Scim.Errors;

namespace Identity.ScimEdge.Errors;

/// <summary>
/// Turns every failure of a SCIM handler into the SCIM envelope: bad input (ScimException),
/// downstream errors (through <see cref="ScimErrorMap"/>), oversized bodies, and our own bugs (500).
/// </summary>
internal sealed partial class ScimExceptionFilter(ILogger<ScimExceptionFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ScimException ex)
        {
            LogScimError(logger, ex.Status, ex.ScimType);
            return new ScimErrorResult(ex);
        }
        catch (RpcException ex) when (!context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            var result = ScimErrorMap.FromRpc(ex);
            if (result.Error.Status >= 500)
            {
                LogDownstreamFailure(logger, ex.StatusCode, ex);
            }
            return result;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ScimErrorResult(StatusCodes.Status413PayloadTooLarge, null, "The request body is larger than this server accepts.");
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody is left to answer.
            return Results.Empty;
        }
        catch (Exception ex)
        {
            LogUnexpected(logger, ex);
            return ScimErrorMap.Internal();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SCIM request refused with {Status} {ScimType}")]
    private static partial void LogScimError(ILogger logger, int status, string? scimType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A downstream service failed with {StatusCode}")]
    private static partial void LogDownstreamFailure(ILogger logger, StatusCode statusCode, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure in a SCIM handler")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);
}
