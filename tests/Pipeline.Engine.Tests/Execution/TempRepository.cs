using Pipeline.Engine.Caching;
using Pipeline.Engine.CodeHashing;
using Pipeline.Engine.Definition;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Execution;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Params;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Execution;

/// <summary>A temporary repository (.nuke, .dvc) with the run services an in-process executor needs; deleted on dispose.</summary>
internal sealed class TempRepository : IDisposable
{
    private readonly List<(TargetSpec Spec, TargetBehavior Behavior)> _targets = [];

    public TempRepository()
    {
        Layout = new RepositoryLayout(Directory.CreateTempSubdirectory("pe-exec-").FullName);
        Directory.CreateDirectory(Layout.NukeDirectory);
        DvcRepository.EnsureInitialized(Layout.Root);
    }

    public RepositoryLayout Layout { get; }

    public StringWriter Output { get; } = new();

    /// <summary>Adds a target; <paramref name="actions"/> run in order.</summary>
    public TempRepository Add(TargetSpec spec, params Func<ITargetContext, Task>[] actions) =>
        Add(spec, [], actions);

    /// <summary>Adds a target with OnlyWhen conditions.</summary>
    public TempRepository Add(TargetSpec spec, TargetCondition[] onlyWhen, params Func<ITargetContext, Task>[] actions)
    {
        _targets.Add((spec with { HasActions = actions.Length > 0 }, new TargetBehavior(actions, [], onlyWhen, [])));
        return this;
    }

    public BuildModel Model => new(_targets.Select(t => t.Spec).ToList(), _targets.ToDictionary(t => t.Spec.Name, t => t.Behavior));

    public Plan Plan(params string[] invoked) => Planner.Create(Model.Specs, new PlanRequest(invoked));

    /// <summary>Fresh services over the repository's current state, as RunSession opens them.</summary>
    public RunServices Services()
    {
        var hasher = new PathHasher(StateCache.InMemory(), 1);
        var console = new RunConsole(Output, prefixTargets: false);
        return new(
            Layout,
            hasher,
            new ObjectCache(Layout.CacheRoot, hasher.State, console.Warning),
            new RunCache(Layout.CacheRoot),
            LockFile.Load(Layout.LockFile),
            ParamsFile.Load(Layout.ParamsFile),
            new Dictionary<string, CodeFingerprintResult>(),
            console,
            TimeProvider.System);
    }

    public Task<IReadOnlyList<TargetResult>> RunAsync(string[] invoked, int jobs = 1, CancellationToken cancellation = default, bool force = false, TimeProvider? clock = null, ITargetExecutor? executor = null) =>
        new Executor(Services() with { Clock = clock ?? TimeProvider.System, Executor = executor ?? LocalExecutor.Instance }, Model, jobs, force).RunAsync(Plan(invoked), cancellation);

    public string PathOf(string relPath) => Path.Combine(Layout.Root, relPath);

    public string Read(string relPath) => File.ReadAllText(PathOf(relPath));

    public void Write(string relPath, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relPath))!);
        File.WriteAllText(PathOf(relPath), text);
    }

    /// <summary>An action writing <paramref name="text"/> to a declared output.</summary>
    public static Func<ITargetContext, Task> Writes(string output, string text) =>
        ctx => File.WriteAllTextAsync(ctx.Output(output), text, ctx.CancellationToken);

    public void Dispose()
    {
        Output.Dispose();
        Directory.Delete(Layout.Root, recursive: true);
    }
}
