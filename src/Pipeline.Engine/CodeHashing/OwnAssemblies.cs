using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.CodeHashing;

/// <summary>
/// The repository's own assemblies: the build assembly and the projects it references (type "project" in its
/// <c>.deps.json</c>). The engine itself is excluded: it is the tool, not the pipeline, so upgrading it does not re-run stages.
/// </summary>
internal sealed class OwnAssemblies
{
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Assembly, bool> _verdicts = new();
    private readonly string _directory;

    private OwnAssemblies(string directory) => _directory = directory;

    public static OwnAssemblies Of(Assembly buildAssembly)
    {
        var own = new OwnAssemblies(Path.GetDirectoryName(buildAssembly.Location)!);
        own._names.Add(buildAssembly.GetName().Name!);
        var depsFile = Path.ChangeExtension(buildAssembly.Location, ".deps.json");
        if (File.Exists(depsFile))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(depsFile));
            if (doc.RootElement.TryGetProperty("libraries", out var libraries))
                foreach (var lib in libraries.EnumerateObject())
                    if (lib.Value.TryGetProperty("type", out var type) && type.GetString() == "project")
                        own._names.Add(lib.Name.Split('/')[0]);
        }
        own._names.Remove(typeof(OwnAssemblies).Assembly.GetName().Name!);
        return own;
    }

    // NOTE: the IL walker asks for every member it meets, so the answer is memoised per assembly.
    public bool Contains(Assembly assembly) => _verdicts.GetOrAdd(assembly, a => _names.Contains(a.GetName().Name!));

    /// <summary>A key that changes whenever any own assembly is recompiled: the FNV-1a of their module version ids, read from disk without loading them.</summary>
    public string Key() => _key ??= ComputeKey();

    private string? _key;

    private string ComputeKey()
    {
        var ids = _names.Order(StringComparer.Ordinal).Select(name =>
        {
            var path = Path.Combine(_directory, name + ".dll");
            if (!File.Exists(path)) return $"{name}:absent";
            using var pe = new PEReader(File.OpenRead(path));
            var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            return $"{name}:{reader.GetGuid(reader.GetModuleDefinition().Mvid)}";
        });
        return Fnv64.Of(string.Join('\n', ids));
    }
}
