using System.Globalization;
using Pipeline.Engine.Planning;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Execution;

/// <summary>The context one target's actions run with; outputs are written under a staging folder.</summary>
internal sealed class TargetContext(TargetSpec spec, RunServices services, IReadOnlyList<string> inputs, IReadOnlyDictionary<string, string> inputHashes, CancellationToken cancellation) : ITargetContext
{
    private readonly List<KeyValuePair<string, string>> _notes = [];

    public string Name => spec.Name;
    public CancellationToken CancellationToken => cancellation;
    public string RootDirectory => services.Layout.Root;
    public IReadOnlyList<string> Inputs => inputs;
    public IReadOnlyDictionary<string, string> InputHashes => inputHashes;
    public IReadOnlyList<string> Outputs { get; } = spec.AllOutputs.Select(RepoPath.Normalize).ToList();
    public ITargetLog Log { get; } = services.Console.For(spec.Name);
    public IReadOnlyList<KeyValuePair<string, string>> Notes => _notes;

    /// <summary>Where this target's outputs are staged until it succeeds.</summary>
    public string StagingRoot => Path.Combine(services.Layout.StagingDirectory, spec.Name);

    public string Input(string path) => Path.Combine(RootDirectory, RepoPath.Parse(path, RootDirectory).Value);

    public string Output(string declaredPath)
    {
        var path = RepoPath.Parse(declaredPath, RootDirectory).Value;
        if (!Outputs.Any(o => path == o || path.StartsWith(o + "/", StringComparison.Ordinal)))
            throw new InvalidOperationException($"{Name} writes '{declaredPath}', which it does not declare. Add it to .Outputs(...), .Metrics(...) or .Plots(...). Declared: {string.Join(", ", Outputs)}.");
        var staged = Path.Combine(StagingRoot, path);
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        return staged;
    }

    public IReadOnlyDictionary<string, string> ParamSection(string section)
    {
        EnsureDeclared(section);
        return services.Params.TryGet(section, out var value) ? ParamFlattener.Flatten(value) : new Dictionary<string, string>();
    }

    public T Param<T>(string dottedKey)
    {
        EnsureDeclared(dottedKey);
        if (!services.Params.TryGet(dottedKey, out var value))
            throw new KeyNotFoundException($"params.yaml has no key '{dottedKey}' (read by {Name}).");
        if (value is T typed) return typed;
        try
        {
            var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
            return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture)!;
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new InvalidCastException($"params.yaml key '{dottedKey}' holds {value ?? "null"}, which is not a {typeof(T).Name}.", e);
        }
    }

    private void EnsureDeclared(string dottedKey)
    {
        if (!spec.Params.Any(p => dottedKey == p || dottedKey.StartsWith(p + ".", StringComparison.Ordinal)))
            throw new InvalidOperationException($"{Name} reads param '{dottedKey}' without declaring it, so a change would not re-run it. Add .Params(\"{dottedKey}\") (or its section).");
    }

    public void Progress(TargetProgress progress) => services.Progress.Report(spec.Name, progress);

    public void Summary(string key, object? value)
    {
        lock (_notes) _notes.Add(new(key, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null"));
    }
}
