using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Pipeline.Engine.Tests.CodeHashing;

/// <summary>Compiles small C# sources in memory, each into its own collectible load context, reusing one reference list.</summary>
public sealed class SampleCompiler : IDisposable
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());

    private readonly Dictionary<string, Assembly> cached = new(StringComparer.Ordinal);
    private readonly List<AssemblyLoadContext> contexts = [];

    /// <summary>The assembly compiled from <paramref name="source"/>, compiled once per distinct source.</summary>
    public Assembly Cached(string source)
    {
        if (!cached.TryGetValue(source, out var assembly)) cached[source] = assembly = Compile(source);
        return assembly;
    }

    /// <summary>A fresh compilation of <paramref name="source"/> (never cached), as if read from <paramref name="path"/>.</summary>
    public Assembly Compile(string source, OptimizationLevel optimization = OptimizationLevel.Release, string path = "")
    {
        var compilation = CSharpCompilation.Create(
            "Sample",
            [CSharpSyntaxTree.ParseText(source, path: path)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: optimization, deterministic: true));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
            throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        var context = new AssemblyLoadContext("code-hashing-sample-" + contexts.Count, isCollectible: true);
        contexts.Add(context);
        return context.LoadFromStream(image);
    }

    public void Dispose()
    {
        foreach (var context in contexts) context.Unload();
    }
}
