using System.Reflection;
using System.Runtime.CompilerServices;

namespace Pipeline.Engine.CodeHashing;

/// <summary>
/// The walk: from the roots, every method of the repository's own assemblies the code can reach, each hashed once.
/// Produces the listing lines; outside assemblies are recorded by name and version only.
/// </summary>
internal sealed class CodeReach
{
    private const BindingFlags AllDeclared =
        BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    private readonly StableNames names;
    private readonly VirtualImplementations virtuals;
    private readonly HashSet<(Module, int)> seen = [];
    private readonly Queue<MethodBase> pending = new();
    private readonly List<IlReference> references = [];

    /// <summary>Starts an empty walk; literals naming <paramref name="sourceRoot"/> are hashed without it.</summary>
    public CodeReach(Func<Assembly, bool> isOwnAssembly, string? sourceRoot = null)
    {
        names = new StableNames(isOwnAssembly, sourceRoot);
        virtuals = new VirtualImplementations(isOwnAssembly);
    }

    /// <summary>One line per reached method: "&lt;md5 hex&gt; &lt;stable signature&gt;".</summary>
    public List<string> Lines { get; } = [];

    /// <summary>Walks everything reachable from <paramref name="roots"/>.</summary>
    public void Walk(IEnumerable<MethodBase> roots)
    {
        foreach (var root in roots) Enqueue(root);
        while (pending.TryDequeue(out var method)) Visit(method);
        // NOTE: describing a shape can name further shaped types (generic field types), so the list may grow here.
        for (var i = 0; i < names.ShapedTypes.Count; i++)
        {
            var type = names.ShapedTypes[i];
            Lines.Add($"{Convert.ToHexStringLower(TypeShape.Hash(type, names))} [shape] {names.Type(type)}");
        }

        foreach (var assembly in names.ExternalAssemblies)
            Lines.Add(ExternalAssemblyLine.For(assembly));
    }

    private void Enqueue(MethodBase method)
    {
        if (!names.IsOwn(method.Module.Assembly))
        {
            names.Method(method);
            return;
        }

        var definition = Definition(method);
        if (seen.Add((definition.Module, definition.MetadataToken))) pending.Enqueue(definition);
    }

    private void Visit(MethodBase method)
    {
        references.Clear();
        var md5 = MethodIlHasher.Hash(method, names, references);
        Lines.Add($"{Convert.ToHexStringLower(md5)} {names.Method(method)}");
        foreach (var reference in references) Follow(reference);
        if (method.GetCustomAttribute<StateMachineAttribute>() is { } stateMachine)
            EnqueueAll(stateMachine.StateMachineType);
        if (method is ConstructorInfo { IsStatic: false } && method.DeclaringType is { } constructed)
            foreach (var overriding in VirtualImplementations.DeclaredVirtuals(constructed)) Enqueue(overriding);
    }

    private void Follow(IlReference reference)
    {
        switch (reference.Member)
        {
            case MethodBase called:
                Enqueue(called);
                if (reference.VirtualDispatch && names.IsOwn(called.Module.Assembly))
                    foreach (var implementation in virtuals.Of(Definition(called))) Enqueue(implementation);
                break;
            case FieldInfo { IsStatic: true, DeclaringType: { } owner } when names.IsOwn(owner.Assembly):
                if (Definition(owner).TypeInitializer is { } initializer) Enqueue(initializer);
                break;
            case Type { IsValueType: true } valueType when names.IsOwn(valueType.Assembly):
                // NOTE: structs are created without a constructor call (initobj, default), so their overrides are
                // included as soon as the type is named.
                foreach (var overriding in VirtualImplementations.DeclaredVirtuals(Definition(valueType))) Enqueue(overriding);
                break;
        }
    }

    private void EnqueueAll(Type type)
    {
        foreach (var method in type.GetMethods(AllDeclared)) Enqueue(method);
        foreach (var constructor in type.GetConstructors(AllDeclared)) Enqueue(constructor);
    }

    private static Type Definition(Type type) => type.IsConstructedGenericType ? type.GetGenericTypeDefinition() : type;

    // NOTE: a generic method or a method of a generic type is hashed once, as its definition; resolving the method's
    // own MethodDef token yields exactly that, whatever the instantiation.
    private static MethodBase Definition(MethodBase method) =>
        method.IsGenericMethod || method.DeclaringType is { IsConstructedGenericType: true }
            ? method.Module.ResolveMethod(method.MetadataToken)!
            : method;
}
