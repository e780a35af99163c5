using System.Reflection;
using System.Reflection.Emit;

namespace Identity.Directory.Tests.Architecture;

/// <summary>
/// Every type a compiled type depends on, found by reflection: base type, interfaces, attributes,
/// generic constraints, fields, properties, events, method and constructor signatures, local
/// variables, and the types and members named by the tokens in method bodies (so a contract
/// type used only inside a lambda or an async state machine is found too). Generic types and
/// arrays are taken apart, so <c>List&lt;X[]&gt;</c> yields X. Constants are out of reach: an enum
/// member used as a value compiles to its number and leaves no reference in metadata.
/// </summary>
internal static class TypeReferences
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Pairs of (where, referenced type) for everything <paramref name="type"/> itself declares.</summary>
    public static IEnumerable<(string Site, Type Referenced)> Of(Type type)
    {
        var found = new List<(string, Type)>();
        void Add(string site, Type? referenced)
        {
            foreach (var part in Decompose(referenced))
            {
                found.Add((site, part));
            }
        }

        Add("base type", type.BaseType);
        foreach (var contract in type.GetInterfaces())
        {
            Add("interface", contract);
        }
        foreach (var attribute in type.GetCustomAttributesData())
        {
            Add("attribute", attribute.AttributeType);
        }
        foreach (var parameter in type.IsGenericTypeDefinition ? type.GetGenericArguments() : [])
        {
            foreach (var constraint in parameter.GetGenericParameterConstraints())
            {
                Add("generic constraint", constraint);
            }
        }
        foreach (var field in type.GetFields(Declared))
        {
            Add($"field {field.Name}", field.FieldType);
        }
        foreach (var property in type.GetProperties(Declared))
        {
            Add($"property {property.Name}", property.PropertyType);
        }
        foreach (var @event in type.GetEvents(Declared))
        {
            Add($"event {@event.Name}", @event.EventHandlerType);
        }
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            var site = $"method {method.Name}";
            if (method is MethodInfo info)
            {
                Add(site, info.ReturnType);
            }
            foreach (var parameter in method.GetParameters())
            {
                Add(site, parameter.ParameterType);
            }
            foreach (var argument in method.IsGenericMethodDefinition ? method.GetGenericArguments() : [])
            {
                foreach (var constraint in argument.GetGenericParameterConstraints())
                {
                    Add(site, constraint);
                }
            }
            foreach (var referenced in BodyReferences(method))
            {
                Add($"{site} body", referenced);
            }
        }
        return found;
    }

    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            yield break;
        }
        foreach (var local in body.LocalVariables)
        {
            yield return local.LocalType;
        }
        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var value = (short)il[at++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[at++]));
            }
            var opCode = OpCodesByValue[value];
            if (opCode.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                foreach (var referenced in MemberTypes(member))
                {
                    yield return referenced;
                }
            }
            at += OperandSize(opCode, il, at);
        }
    }

    private static IEnumerable<Type> MemberTypes(MemberInfo? member)
    {
        switch (member)
        {
            case Type type:
                yield return type;
                break;
            case FieldInfo field:
                yield return field.DeclaringType!;
                yield return field.FieldType;
                break;
            case MethodBase method:
                yield return method.DeclaringType!;
                if (method is MethodInfo info)
                {
                    yield return info.ReturnType;
                    foreach (var argument in info.IsGenericMethod ? info.GetGenericArguments() : [])
                    {
                        yield return argument;
                    }
                }
                foreach (var parameter in method.GetParameters())
                {
                    yield return parameter.ParameterType;
                }
                break;
        }
    }

    private static int OperandSize(OpCode opCode, byte[] il, int at) => opCode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        // A switch carries its count, then that many 4-byte targets.
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    private static IEnumerable<Type> Decompose(Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            yield break;
        }
        if (type.HasElementType)
        {
            foreach (var part in Decompose(type.GetElementType()))
            {
                yield return part;
            }
            yield break;
        }
        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            foreach (var part in Decompose(argument))
            {
                yield return part;
            }
        }
    }
}
