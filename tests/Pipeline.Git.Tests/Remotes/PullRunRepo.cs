using Pipeline.Engine;
using Pipeline.Engine.Caching;
using Pipeline.Engine.CodeHashing;
using Pipeline.Engine.Definition;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Execution;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Params;
using Pipeline.Engine.Planning;

namespace Pipeline.Git.Tests.Remotes;

/// <summary>
/// A repository with one target, <c>Make</c> (reads <c>in.txt</c>, writes the file <c>out.txt</c> and the directory
/// <c>parts/</c>), run in-process by the engine's executor; counts how often the target's action really ran.
/// </summary>
internal sealed class PullRunRepo : IDisposable
{
    private static readonly TargetSpec Make = new("Make") { Inputs = ["in.txt"], Outputs = ["out.txt", "parts"] };

    public PullRunRepo(string remoteUrl)
        : this(root =>
        {
            var config = Pipeline.Git.Remotes.DvcConfigFile.Load(Path.Combine(root, ".dvc", "config"));
            config.AddRemote("storage", remoteUrl, makeDefault: true);
            config.Save(Path.Combine(root, ".dvc", "config"));
        })
    {
    }

    /// <summary>A repository whose DVC remote <paramref name="configureRemote"/> writes (given the root).</summary>
    public PullRunRepo(Action<string> configureRemote)
    {
        Layout = new RepositoryLayout(Directory.CreateTempSubdirectory("pull-run-").FullName);
        Directory.CreateDirectory(Layout.NukeDirectory);
        DvcRepository.EnsureInitialized(Layout.Root);
        configureRemote(Layout.Root);
    }

    public RepositoryLayout Layout { get; }

    public string Root => Layout.Root;

    public int Executions { get; private set; }

    public StringWriter Output { get; } = new();

    public void Write(string relPath, string text)
    {
        var path = Path.Combine(Root, relPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string Read(string relPath) => File.ReadAllText(Path.Combine(Root, relPath));

    /// <summary>Runs Make through the executor, with <paramref name="source"/> as the --pull source when given.</summary>
    public async Task<TargetResult> RunAsync(IObjectSource? source = null)
    {
        var behavior = new TargetBehavior([MakeAsync], [], [], []);
        var model = new BuildModel([Make], new Dictionary<string, TargetBehavior> { ["Make"] = behavior });
        var services = new RunServices(Layout, new PathHasher(StateCache.InMemory(), 1), new ObjectCache(Layout.CacheRoot), new RunCache(Layout.CacheRoot),
            LockFile.Load(Layout.LockFile), ParamsFile.Load(Layout.ParamsFile), new Dictionary<string, CodeFingerprintResult>(),
            new RunConsole(Output, prefixTargets: false), TimeProvider.System) { ObjectSource = source };
        var results = await new Executor(services, model, 1, force: false).RunAsync(Planner.Create(model.Specs, new PlanRequest(["Make"])), CancellationToken.None);
        return results[0];
    }

    private async Task MakeAsync(ITargetContext ctx)
    {
        Executions++;
        var text = await File.ReadAllTextAsync(ctx.Input("in.txt"));
        await File.WriteAllTextAsync(ctx.Output("out.txt"), "made from " + text);
        var parts = ctx.Output("parts");
        Directory.CreateDirectory(parts);
        await File.WriteAllTextAsync(Path.Combine(parts, "a.txt"), "a " + text);
        await File.WriteAllTextAsync(Path.Combine(parts, "b.txt"), "b " + text);
    }

    public void Dispose()
    {
        Output.Dispose();
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(Root, recursive: true);
    }
}
