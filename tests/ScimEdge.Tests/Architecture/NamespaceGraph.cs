using System.Reflection;
using System.Reflection.Emit;

namespace Identity.ScimEdge.Tests.Architecture;

/// <summary>
/// Which namespaces of an assembly use which, read from the compiled assembly: every type's base type,
/// interfaces, generic constraints and attributes; every field, property, event and method signature;
/// and in every method body the locals, the catch types and each type, field and method token of the
/// IL (resolved through <see cref="Module.ResolveMember(int, Type[], Type[])"/>). Compiler-generated
/// types (lambdas, async state machines, closures) are nested in the type whose code they hold, so
/// their uses count for that type's namespace. Only namespaces under <c>prefix</c> are kept.
/// </summary>
public sealed class NamespaceGraph
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    private readonly string _prefix;
    private readonly Dictionary<(string From, string To), string> _examples = [];

    private NamespaceGraph(string prefix) => _prefix = prefix;

    /// <summary>Each edge between two namespaces, with one use that makes it ("Type uses Type").</summary>
    public IReadOnlyDictionary<(string From, string To), string> Edges => _examples;

    public static NamespaceGraph Of(Assembly assembly, string prefix)
    {
        var graph = new NamespaceGraph(prefix);
        foreach (var type in assembly.GetTypes())
        {
            graph.AddType(type);
        }
        return graph;
    }

    /// <summary>The strongly connected components with more than one namespace (Tarjan), each sorted.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var next = _examples.Keys.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList(), StringComparer.Ordinal);
        var nodes = _examples.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var to in next.GetValueOrDefault(node) ?? [])
            {
                if (!index.TryGetValue(to, out var reached))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (onStack.Contains(to))
                {
                    low[node] = Math.Min(low[node], reached);
                }
            }
            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    cycles.Add(component.Order(StringComparer.Ordinal).ToList());
                }
            }
        }
        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }
        return cycles;
    }

    private void AddType(Type type)
    {
        var from = type.Namespace;
        if (from is null || !InScope(from))
        {
            return;
        }
        void Use(Type? used) => AddUse(type, used);
        Use(type.BaseType);
        foreach (var implemented in type.GetInterfaces())
        {
            Use(implemented);
        }
        foreach (var parameter in type.IsGenericTypeDefinition ? type.GetGenericArguments() : [])
        {
            foreach (var constraint in parameter.GetGenericParameterConstraints())
            {
                Use(constraint);
            }
        }
        AddAttributes(type, type.CustomAttributes);
        foreach (var field in type.GetFields(Everything))
        {
            Use(field.FieldType);
            AddAttributes(type, field.CustomAttributes);
        }
        foreach (var property in type.GetProperties(Everything))
        {
            Use(property.PropertyType);
            AddAttributes(type, property.CustomAttributes);
        }
        foreach (var @event in type.GetEvents(Everything))
        {
            Use(@event.EventHandlerType);
        }
        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            AddMethod(type, method);
        }
    }

    private void AddMethod(Type owner, MethodBase method)
    {
        if (method is MethodInfo info)
        {
            AddUse(owner, info.ReturnType);
        }
        foreach (var parameter in method.GetParameters())
        {
            AddUse(owner, parameter.ParameterType);
            AddAttributes(owner, parameter.CustomAttributes);
        }
        AddAttributes(owner, method.CustomAttributes);
        var body = method.GetMethodBody();
        if (body is null)
        {
            return;
        }
        foreach (var local in body.LocalVariables)
        {
            AddUse(owner, local.LocalType);
        }
        foreach (var clause in body.ExceptionHandlingClauses.Where(c => c.Flags == ExceptionHandlingClauseOptions.Clause))
        {
            AddUse(owner, clause.CatchType);
        }
        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = owner.IsGenericType ? owner.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            short code = il[at++];
            if (code == 0xFE)
            {
                code = (short)(0xFE00 | il[at++]);
            }
            var operand = Operands[code];
            if (operand is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok)
            {
                AddMember(owner, method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments));
            }
            at += operand switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                _ => 4,
            };
        }
    }

    private void AddMember(Type owner, MemberInfo? member)
    {
        switch (member)
        {
            case Type type:
                AddUse(owner, type);
                break;
            case FieldInfo field:
                AddUse(owner, field.DeclaringType);
                AddUse(owner, field.FieldType);
                break;
            case MethodBase method:
                AddUse(owner, method.DeclaringType);
                if (method is MethodInfo info)
                {
                    AddUse(owner, info.ReturnType);
                    foreach (var argument in info.IsGenericMethod ? info.GetGenericArguments() : [])
                    {
                        AddUse(owner, argument);
                    }
                }
                foreach (var parameter in method.GetParameters())
                {
                    AddUse(owner, parameter.ParameterType);
                }
                break;
        }
    }

    private void AddAttributes(Type owner, IEnumerable<CustomAttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            AddUse(owner, attribute.AttributeType);
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue)))
            {
                AddUse(owner, argument.Value as Type);
            }
        }
    }

    private void AddUse(Type owner, Type? used)
    {
        if (used is null || used.IsGenericParameter)
        {
            return;
        }
        if (used.HasElementType)
        {
            AddUse(owner, used.GetElementType());
            return;
        }
        if (used.IsGenericType && !used.IsGenericTypeDefinition)
        {
            foreach (var argument in used.GetGenericArguments())
            {
                AddUse(owner, argument);
            }
        }
        var from = owner.Namespace!;
        var to = used.Namespace;
        if (to is null || to == from || !InScope(to) || used.Assembly != owner.Assembly)
        {
            return;
        }
        _examples.TryAdd((from, to), $"{Name(owner)} uses {Name(used)}");
    }

    private bool InScope(string ns) => ns == _prefix || ns.StartsWith(_prefix + ".", StringComparison.Ordinal);

    private static string Name(Type type) => type.DeclaringType is { } outer ? Name(outer) : type.FullName ?? type.Name;
}
