using Pipeline.Engine.Failures;
using Pipeline.Engine.Serialization;
using YamlDotNet.Core;
using Pipeline.Formats.IO;

namespace Pipeline.Engine.Dvc;

/// <summary>
/// dvc.lock: setting a stage replaces its entry wholesale; a new stage is placed by <see cref="StageOrder"/> (the
/// order of dvc.yaml), so targets finishing in parallel in either order give the same file.
/// </summary>
public sealed class LockFile
{
    private const string Schema = "2.0";

    // NOTE: stages are kept as trees, so entries this engine does not rewrite are written back as they were read.
    private readonly OrderedMap _stages;

    private LockFile(OrderedMap stages) => _stages = stages;

    /// <summary>
    /// Where new stages go: before the first existing stage that comes later in this order (stages not in it keep
    /// their place and new ones not in it go last). Empty: appended in the order they are set.
    /// </summary>
    public IReadOnlyList<string> StageOrder { get; set; } = [];

    /// <summary>The stage names in file order.</summary>
    public IEnumerable<string> StageNames => _stages.Keys;

    /// <summary>Loads dvc.lock (an absent file gives an empty lock); a corrupt file throws RepositoryStateException naming it.</summary>
    public static LockFile Load(string path)
    {
        if (!File.Exists(path)) return new LockFile([]);
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is FormatException or YamlException)
        {
            var where = e is YamlException y ? $" (line {y.Start.Line})" : "";
            throw new RepositoryStateException(
                $"'{path}' is not a valid dvc.lock{where}: {e.Message} " +
                "Restore it from git (git checkout -- dvc.lock) or delete it to re-run every stage.", e);
        }
    }

    /// <summary>Parses dvc.lock text; an empty text is an empty lock.</summary>
    /// <exception cref="FormatException">Wrong schema or shape.</exception>
    public static LockFile Parse(string text)
    {
        var root = DvcYaml.Parse(text);
        if (root is null) return new LockFile([]);
        var map = TreeValues.Map(root, "dvc.lock");
        if (!map.TryGetValue("schema", out var schema) || schema is not Schema)
            throw new FormatException($"expected \"schema: '{Schema}'\" (DVC 3 lock file).");
        var stages = map.TryGetValue("stages", out var s) && s is not null ? TreeValues.Map(s, "stages") : [];
        foreach (var (name, entry) in stages)
        {
            try
            {
                StageLock.FromTree(TreeValues.Map(entry, name));
            }
            catch (FormatException e)
            {
                throw new FormatException($"stage '{name}': {e.Message}", e);
            }
        }
        return new LockFile(stages);
    }

    /// <summary>The entry of <paramref name="stage"/>, or null when it has never been locked.</summary>
    public StageLock? Get(string stage) =>
        _stages.TryGetValue(stage, out var tree) ? StageLock.FromTree((OrderedMap)tree!) : null;

    /// <summary>Replaces (in place) the entry of <paramref name="stage"/>, or adds it at its place in <see cref="StageOrder"/>.</summary>
    public void Set(string stage, StageLock entry)
    {
        if (_stages.ContainsKey(stage))
        {
            _stages[stage] = entry.ToTree();
            return;
        }
        var rank = IndexIn(StageOrder, stage);
        var before = rank < 0 ? -1 : _stages.Keys.ToList().FindIndex(k => IndexIn(StageOrder, k) > rank);
        _stages.Insert(before < 0 ? _stages.Count : before, stage, entry.ToTree());
    }

    private static int IndexIn(IReadOnlyList<string> order, string stage)
    {
        for (var i = 0; i < order.Count; i++)
            if (order[i] == stage) return i;
        return -1;
    }

    /// <summary>Removes a stage's entry; false when it was not there.</summary>
    public bool Remove(string stage) => _stages.Remove(stage);

    /// <summary>The file text: <c>schema: '2.0'</c> then <c>stages:</c>.</summary>
    public string ToText() => DvcYaml.Emit(new OrderedMap { { "schema", Schema }, { "stages", _stages } });

    /// <summary>Writes the file atomically (temp file, then rename).</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToText());
}
