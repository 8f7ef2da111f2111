using System.Reflection;

namespace Pipeline.Engine.CodeHashing;

/// <summary>
/// Finds, among the types of the repository's own loaded assemblies, every override of a virtual method and every
/// implementation of an interface method, so that a call through an abstraction reaches all code it may run.
/// </summary>
internal sealed class VirtualImplementations(Func<Assembly, bool> isOwnAssembly)
{
    private const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    private readonly Dictionary<MethodBase, MethodBase[]> found = [];
    private Type[]? ownTypes;

    /// <summary>Overrides of <paramref name="method"/> (a definition) or implementations of it if it is an interface method.</summary>
    public IEnumerable<MethodBase> Of(MethodBase method)
    {
        if (method.DeclaringType is not { } declaring || !method.IsVirtual || method.IsFinal) return [];
        if (found.TryGetValue(method, out var known)) return known;
        var types = OwnTypes(declaring.Assembly);
        var result = (declaring.IsInterface ? Implementations(method, declaring, types) : Overrides(method, declaring, types)).ToArray();
        found[method] = result;
        return result;
    }

    /// <summary>Virtual methods a type declares (overrides of outside members the runtime or a library may call).</summary>
    public static IEnumerable<MethodInfo> DeclaredVirtuals(Type type) =>
        type.GetMethods(Declared).Where(m => m.IsVirtual && !m.IsAbstract);

    private static IEnumerable<MethodBase> Implementations(MethodBase method, Type iface, Type[] types)
    {
        foreach (var type in types)
        {
            if (type.IsInterface) continue;
            foreach (var implemented in type.GetInterfaces())
            {
                var definition = implemented.IsConstructedGenericType ? implemented.GetGenericTypeDefinition() : implemented;
                if (definition != iface) continue;
                var map = type.GetInterfaceMap(implemented);
                for (var i = 0; i < map.InterfaceMethods.Length; i++)
                    if (SameDefinition(map.InterfaceMethods[i], method))
                        yield return map.TargetMethods[i];
            }
        }
    }

    private static IEnumerable<MethodBase> Overrides(MethodBase method, Type declaring, Type[] types)
    {
        var baseDefinition = ((MethodInfo)method).GetBaseDefinition();
        foreach (var type in types)
        {
            if (type == declaring || !DerivesFrom(type, declaring)) continue;
            foreach (var candidate in type.GetMethods(Declared))
                if (candidate.IsVirtual && SameDefinition(candidate.GetBaseDefinition(), baseDefinition))
                    yield return candidate;
        }
    }

    private static bool DerivesFrom(Type type, Type ancestor)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
            if ((current.IsConstructedGenericType ? current.GetGenericTypeDefinition() : current) == ancestor) return true;
        return false;
    }

    private static bool SameDefinition(MethodBase left, MethodBase right) =>
        left.MetadataToken == right.MetadataToken && left.Module == right.Module;

    private Type[] OwnTypes(Assembly declaringAssembly)
    {
        // NOTE: only assemblies already loaded can hold an implementation the target can instantiate directly;
        // sorted by name so the walk order (and hence generated-name numbering) is the same in every process.
        return ownTypes ??= AppDomain.CurrentDomain.GetAssemblies()
            .Append(declaringAssembly)
            .Where(a => !a.IsDynamic && isOwnAssembly(a))
            .Distinct()
            .OrderBy(a => a.FullName, StringComparer.Ordinal)
            .SelectMany(LoadableTypes)
            .ToArray();
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.OfType<Type>();
        }
    }
}
