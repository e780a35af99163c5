using Grpc.Core;

namespace Identity.ScimEdge.Admin;

/// <summary>Turns every failure of an admin handler into an <see cref="AdminError"/>: bad input is a 4xx, never a 500.</summary>
internal sealed class AdminExceptionFilter(ILogger<AdminExceptionFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var aborted = context.HttpContext.RequestAborted;
        try
        {
            return await next(context);
        }
        catch (AdminException ex)
        {
            return new AdminError(ex.Status, ex.Error, ex.Message);
        }
        catch (RpcException ex) when (!aborted.IsCancellationRequested)
        {
            var error = AdminErrorMap.FromRpc(ex);
            if (error.Status >= 500)
            {
                logger.AdminDownstreamFailed(ex.StatusCode, ex);
            }
            return error;
        }
        catch (BadHttpRequestException ex)
        {
            return ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? new AdminError(ex.StatusCode, "payload_too_large", $"Admin request bodies are at most {AdminJson.MaxBodyBytes} bytes.")
                : AdminError.BadRequest("The request could not be read.");
        }
        catch (Exception) when (aborted.IsCancellationRequested)
        {
            // The caller went away or the request timed out; the timeout middleware answers the latter.
            return Results.Empty;
        }
        catch (Exception ex)
        {
            logger.AdminUnexpectedFailure(ex);
            return AdminError.Internal();
        }
    }
}
