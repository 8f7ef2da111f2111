using System.Reflection;
using System.Text.RegularExpressions;

namespace Pipeline.Engine.CodeHashing;

/// <summary>
/// Stable text for types, methods and fields: what replaces metadata tokens in hashed IL and names methods in the listing.
/// Notes, as a side effect, which outside assemblies and which own data types the walk touched.
/// </summary>
internal sealed partial class StableNames(Func<Assembly, bool> isOwnAssembly, string? sourceRoot = null)
{
    private readonly string? rootPrefix = sourceRoot is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(sourceRoot));
    private readonly Dictionary<Type, string> typeNames = [];
    private readonly HashSet<Type> shaped = [];
    private readonly Dictionary<string, string> canonicalNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> ordinals = new(StringComparer.Ordinal);

    /// <summary>Assemblies outside the repository whose types or members were referenced.</summary>
    public HashSet<Assembly> ExternalAssemblies { get; } = [];

    /// <summary>Own types used as generic arguments or via <c>typeof</c>: their shape (fields, properties, attributes) is data for reflection-driven code.</summary>
    /// <remarks>In the order first met, so that processing them is deterministic.</remarks>
    public List<Type> ShapedTypes { get; } = [];

    /// <summary>True when <paramref name="assembly"/> is one of the repository's own assemblies.</summary>
    public bool IsOwn(Assembly assembly) => isOwnAssembly(assembly);

    /// <summary>Marks an own, hand-written type as shaped (see <see cref="ShapedTypes"/>).</summary>
    public void NoteShaped(Type type)
    {
        if (type.IsGenericParameter || type.HasElementType) return;
        var definition = type.IsConstructedGenericType ? type.GetGenericTypeDefinition() : type;
        if (IsOwn(definition.Assembly) && !definition.FullName!.Contains('<') && shaped.Add(definition))
            ShapedTypes.Add(definition);
    }

    /// <summary>e.g. <c>Sample.Build+&lt;&gt;c__DisplayClass#0</c>, <c>System.Collections.Generic.List`1&lt;System.Int32&gt;</c>, <c>!!0[]</c>.</summary>
    public string Type(Type type)
    {
        if (typeNames.TryGetValue(type, out var known)) return known;
        var name = Describe(type);
        typeNames[type] = name;
        return name;
    }

    /// <summary><c>DeclaringType::Name&lt;generic args&gt;(parameter types):return type</c>.</summary>
    public string Method(MethodBase method)
    {
        var owner = Owner(method.DeclaringType, method.Module);
        var generics = method.IsGenericMethod ? "<" + string.Join(",", method.GetGenericArguments().Select(GenericArgument)) + ">" : "";
        var parameters = string.Join(",", method.GetParameters().Select(p => Type(p.ParameterType)));
        var returns = method is MethodInfo info ? ":" + Type(info.ReturnType) : "";
        return $"{owner}::{Canonical(owner, method.Name)}{generics}({parameters}){returns}";
    }

    /// <summary>
    /// A string literal with the repository's own absolute path replaced by <c>&lt;root&gt;</c>: paths compiled into
    /// the code (e.g. through <c>[CallerFilePath]</c> in a build compiled without a path map) name the checkout.
    /// </summary>
    public string Literal(string value) =>
        rootPrefix is not null && value.Contains(rootPrefix, StringComparison.Ordinal)
            ? value.Replace(rootPrefix, "<root>", StringComparison.Ordinal)
            : value;

    /// <summary><c>DeclaringType::Name:FieldType</c>.</summary>
    public string Field(FieldInfo field)
    {
        var owner = Owner(field.DeclaringType, field.Module);
        return $"{owner}::{Canonical(owner, field.Name)}:{Type(field.FieldType)}";
    }

    private string Owner(Type? declaringType, Module module) =>
        declaringType is null ? "<Module>" + module.Assembly.GetName().Name : Type(declaringType);

    private string Describe(Type type)
    {
        if (type.IsGenericParameter) return (type.DeclaringMethod is null ? "!" : "!!") + type.GenericParameterPosition;
        if (type.IsByRef) return Type(type.GetElementType()!) + "&";
        if (type.IsPointer) return Type(type.GetElementType()!) + "*";
        if (type.IsArray) return Type(type.GetElementType()!) + (type.IsSZArray ? "[]" : "[" + new string(',', type.GetArrayRank() - 1) + "]");
        if (type.IsFunctionPointer) return type.ToString();
        if (type.IsConstructedGenericType)
            return Type(type.GetGenericTypeDefinition()) + "<" + string.Join(",", type.GetGenericArguments().Select(GenericArgument)) + ">";
        if (!IsOwn(type.Assembly)) ExternalAssemblies.Add(type.Assembly);
        var scope = type.DeclaringType is { } outer ? Type(outer) + "+" : type.Namespace is { } ns ? ns + "." : "";
        return scope + Canonical(scope, FileLocal(type));
    }

    // NOTE: file-local types (C# `file` types, and every type a source generator such as [GeneratedRegex] emits as
    // `file`) are named "<File_cs>F<SHA-256 of the source file's path>__Name", so the same code compiled in another
    // directory gets other names. The checksum is replaced by the assembly's name, which keeps types of different
    // assemblies apart and does not depend on where the repository is checked out.
    private static string FileLocal(Type type)
    {
        var match = FileLocalName().Match(type.Name);
        return match.Success ? $"{match.Groups[1].Value}F[{type.Assembly.GetName().Name}]__{match.Groups[2].Value}" : type.Name;
    }

    private string GenericArgument(Type argument)
    {
        NoteShaped(argument);
        return Type(argument);
    }

    // NOTE: Roslyn numbers generated names (lambdas "<M>b__5_0", closures "<>c__DisplayClass5_0", state machines
    // "<M>d__5", anonymous types "<>f__AnonymousType3", call-site containers "<>o__5") by the position of the enclosing member in its type or assembly,
    // so adding an unrelated member renames them. Those ordinals are replaced by the order in which this walk first
    // meets each name within its scope, which depends only on the reached code.
    private string Canonical(string scope, string name)
    {
        if (!name.Contains('<')) return name;
        var stripped = GeneratedOrdinal().Replace(name, "#");
        if (stripped == name) return name;
        var key = scope + "|" + name;
        if (canonicalNames.TryGetValue(key, out var canonical)) return canonical;
        var counterKey = scope + "|" + stripped;
        ordinals.TryGetValue(counterKey, out var ordinal);
        ordinals[counterKey] = ordinal + 1;
        canonical = stripped.Replace("#", "#" + ordinal, StringComparison.Ordinal);
        canonicalNames[key] = canonical;
        return canonical;
    }

    [GeneratedRegex(@"(?<=__|\||DisplayClass|AnonymousType|AnonymousDelegate)\d+(_\d+)*")]
    private static partial Regex GeneratedOrdinal();

    [GeneratedRegex("^(<[^>]*>)F[0-9A-F]{64}__(.+)$")]
    private static partial Regex FileLocalName();
}
