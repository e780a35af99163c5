using System.Text.Json.Nodes;
using Identity.Scim.Dialects;
using Identity.Scim.Errors;
using Identity.Scim.Schemas;
using Identity.Scim.Validation;

namespace Identity.Scim.Patching;

/// <summary>The RFC 7644 §3.5.2 PATCH engine.</summary>
public static class PatchEngine
{
    /// <summary>
    /// Applies every operation, in order, to a copy of <paramref name="resource"/> and returns the
    /// copy. RFC 7644 §3.5.2: the operations are atomic, so on the first failure the
    /// <see cref="ScimException"/> (detail prefixed with the operation index) propagates and the
    /// input is untouched. Readonly targets throw mutability, unknown attributes invalidPath,
    /// values of the wrong type invalidValue, filters matching nothing noTarget.
    /// </summary>
    /// <remarks><paramref name="cancellationToken"/> is checked between operations and inside long value loops (a request timeout).</remarks>
    public static JsonObject Apply(JsonObject resource, PatchRequest request, ResourceSchema schema, ValidationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(schema);
        var working = (JsonObject)resource.DeepClone();
        var applier = new PatchApplier(working, schema, options ?? ValidationOptions.Default, cancellationToken);
        for (var i = 0; i < request.Operations.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                foreach (var operation in PathlessValueExpander.Expand(request.Operations[i], schema))
                {
                    applier.Apply(operation);
                }
            }
            catch (ScimException error)
            {
                throw new ScimException(error.Status, error.ScimType, $"Operations[{i}]: {error.Detail}");
            }
        }

        return working;
    }
}
