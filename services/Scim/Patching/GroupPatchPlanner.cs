using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Scim.Dialects;
using Identity.Scim.Errors;
using Identity.Scim.Resources;
using Identity.Scim.Schemas;

namespace Identity.Scim.Patching;

/// <summary>
/// Turns Group PATCH member operations into add/remove/set steps without reading the group's
/// members: docs/architecture.md keeps one document per membership so large groups change by deltas
/// (docs/idp-dialects.md §2.7 "Large group PATCH", §2.8 item 8).
/// </summary>
public static class GroupPatchPlanner
{
    /// <summary>
    /// Splits a Group PATCH into member steps and other operations. Accepted member forms:
    /// add/replace/remove on path "members" (value list, or none for remove-all), remove on
    /// <c>members[value eq "a" or value eq "b"]</c>, and path-less values holding "members".
    /// Other member filters throw invalidFilter; other member paths throw invalidPath.
    /// </summary>
    public static GroupPatchPlan Plan(PatchRequest request, ResourceSchema? groupSchema = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var schema = groupSchema ?? SchemaRegistry.Default.Groups;
        var changes = new List<MemberChange>();
        var others = new List<PatchOperation>();
        for (var i = 0; i < request.Operations.Count; i++)
        {
            var original = request.Operations[i];
            var expanded = PathlessValueExpander.Expand(original, schema).ToList();
            if (!expanded.Any(IsMembers))
            {
                others.Add(original);
                continue;
            }

            foreach (var operation in expanded)
            {
                if (!IsMembers(operation))
                {
                    others.Add(operation);
                }
                else if (PlanMembers(operation, i) is { } change)
                {
                    changes.Add(change);
                }
            }
        }

        return new GroupPatchPlan(changes, new PatchRequest(others));
    }

    private static bool IsMembers(PatchOperation operation) =>
        operation.Path?.Attribute is { Name: var name, SchemaUri: var uri }
        && name.Equals("members", StringComparison.OrdinalIgnoreCase)
        && (uri is null || uri.Equals(ScimSchemaUris.Group, StringComparison.OrdinalIgnoreCase));

    private static MemberChange? PlanMembers(PatchOperation operation, int index)
    {
        var path = operation.Path!;
        var where = $"Operations[{index}]";
        if (path.Attribute.SubAttribute is not null || path.SubAttribute is not null)
        {
            throw ScimException.InvalidPath($"{where}: '{path}' cannot be changed; members are added, removed or replaced whole.");
        }

        if (path.ValueFilter is not null)
        {
            if (operation.Type != PatchOperationType.Remove)
            {
                throw ScimException.InvalidPath($"{where}: '{path}' cannot be the target of \"{operation.Type.ToString().ToLowerInvariant()}\"; add or replace on \"members\" instead.");
            }

            // Okta and Entra (aadOptscim062020) remove with members[value eq "id"] (docs/idp-dialects.md §2.1 item 4, §2.2).
            var ids = EqualityTerms.ValueDisjunction(path.ValueFilter)
                ?? throw ScimException.InvalidFilter($"{where}: members to remove must be selected by 'value eq \"id\"' terms joined by 'or', not '{path.ValueFilter}'.");
            return new MemberChange(MemberChangeKind.Remove, ids.Distinct(StringComparer.Ordinal).Select(id => new MemberReference(id)).ToList());
        }

        var members = ReadMembers(operation.Value, where);
        return operation.Type switch
        {
            // Entra's and JumpCloud's remove with a value list removes only those members (docs/idp-dialects.md §2.8 item 3).
            PatchOperationType.Remove when members is not null => new MemberChange(MemberChangeKind.Remove, members),

            // RFC 7644 §3.5.2.2: remove on the attribute without a value removes every member.
            PatchOperationType.Remove => new MemberChange(MemberChangeKind.Set, []),
            PatchOperationType.Add when members is null || members.Count == 0 => null,
            PatchOperationType.Add => new MemberChange(MemberChangeKind.Add, members),

            // Okta pushes the full list as replace on "members" (docs/idp-dialects.md §2.2).
            _ => new MemberChange(MemberChangeKind.Set, members ?? []),
        };
    }

    private static List<MemberReference>? ReadMembers(JsonNode? value, string where)
    {
        if (value is null || value.GetValueKind() == JsonValueKind.Null
            || (value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0))
        {
            return null;
        }

        var items = value is JsonArray array ? array.ToList() : [value];
        var members = new List<MemberReference>(items.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var member = ReadMember(item, where);
            if (member is not null && seen.Add(member.Value))
            {
                members.Add(member);
            }
        }

        return members;
    }

    private static MemberReference? ReadMember(JsonNode? item, string where)
    {
        if (item is null || item.GetValueKind() == JsonValueKind.Null)
        {
            return null;
        }

        if (item is not JsonObject member)
        {
            throw ScimException.InvalidValue($"{where}: each member must be an object like {{\"value\": \"id\"}} but was {item.ToJsonString()}.");
        }

        var id = ScimJson.AsString(ScimJson.Get(member, "value"));
        if (string.IsNullOrWhiteSpace(id))
        {
            throw ScimException.InvalidValue($"{where}: each member needs a non-empty string 'value' (the member id).");
        }

        // Okta omits "type" (docs/idp-dialects.md §2.2, SCIM-SDK #419); it stays optional.
        return new MemberReference(
            id,
            ScimJson.AsString(ScimJson.Get(member, "type")),
            ScimJson.AsString(ScimJson.Get(member, "display")));
    }
}
