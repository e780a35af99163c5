using Grpc.Core;
using Identity.Revocation.Storage;
using Identity.ServiceDefaults.Hosting;

namespace Identity.Revocation.Reconciliation;

/// <summary><c>POST /admin/reconcile</c> on the management port: runs a reconciler pass and answers its report.</summary>
internal static class ReconcilerEndpoints
{
    public static WebApplication MapReconciler(this WebApplication app)
    {
        app.MapPost("/admin/reconcile", async (HttpContext context, RevocationReconciler reconciler, ServiceEndpoints endpoints, CancellationToken cancellationToken) =>
        {
            // Administrative: never on the main port, which the ingress exposes.
            if (context.Connection.LocalPort != endpoints.ManagementPort)
            {
                return Results.NotFound();
            }
            if (!reconciler.HasDirectory)
            {
                return Results.Problem("No Directory address is configured (Reconciler__DirectoryAddress or Downstream__Directory).", statusCode: StatusCodes.Status409Conflict);
            }
            try
            {
                return Results.Json(await reconciler.ReconcileNowAsync(cancellationToken));
            }
            catch (Exception ex) when (ex is RpcException or StoreUnavailableException)
            {
                return Results.Problem("Directory or the revocation store is unreachable.", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).ExcludeFromDescription();
        return app;
    }
}
