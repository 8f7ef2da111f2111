using System.Globalization;
using LibGit2Sharp;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Primitives;
using Pipeline.Ml.Gate;
using Pipeline.Ml.Recommendation;

namespace Pipeline.Ui.Tests.Fixture;

/// <summary>
/// A temporary pipeline repository as the UI reads it: a git repository whose HEAD holds dvc.yaml, dvc.lock,
/// params.yaml and metrics.json; two experiments of HEAD under refs/exps; the last run's .nuke/temp/run.json; a registry
/// folder with v0.0.1 (production) and v0.0.2; the gate and monitoring reports.
/// </summary>
public sealed class UiRepository : IDisposable
{
    public const string Model = "fraud-detector";

    public UiRepository()
    {
        Root = Directory.CreateTempSubdirectory("ui-repo-").FullName;
        var files = Path.Combine(AppContext.BaseDirectory, "Fixture", "files");
        foreach (var name in new[] { "dvc.yaml", "dvc.lock", "params.yaml" }) File.Copy(Path.Combine(files, name), Path.Combine(Root, name));
        File.WriteAllText(Path.Combine(Root, "metrics.json"), Metrics(0.9100, 0.8800));
        Directory.CreateDirectory(Path.Combine(Root, ".nuke", "temp"));
        var runJson = Path.Combine(Root, ".nuke", "temp", "run.json");
        File.Copy(Path.Combine(files, "run.json"), runJson);
        File.SetLastWriteTimeUtc(runJson, FixedClock.Default.GetUtcNow().UtcDateTime);
        Directory.CreateDirectory(Path.Combine(Root, "reports"));
        foreach (var name in new[] { "gate.txt", "monitoring.json", "monitoring.html" }) File.Copy(Path.Combine(files, name), Path.Combine(Root, "reports", name));

        Repository.Init(Root);
        using var repo = new Repository(Root);
        Commands.Stage(repo, ["dvc.yaml", "dvc.lock", "params.yaml", "metrics.json"]);
        var head = repo.Commit("Baseline", Signature(0), Signature(0));
        HeadSha = head.Sha;
        AddExperiment(repo, head, "brisk-lion", 63, 0.9300, 1);
        AddExperiment(repo, head, "quiet-toad", 15, 0.8900, 2);

        Register(head.Sha, "a");
        Register(head.Sha, "b");
        RegistryFolder.Promote(RegistryRoot, Model, ModelVersion.First);
    }

    public string Root { get; }

    public string HeadSha { get; }

    public string RegistryRoot => Path.Combine(Root, "models", "registry");

    /// <summary>The production version as the registry folder's pointer says.</summary>
    public string? Production => RegistryFolder.ProductionVersion(RegistryRoot, Model)?.ToString();

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>
    /// Evaluation plots as Evaluate leaves them: the workspace's under reports/evaluation (roc.png, pr.png and the points
    /// roc.csv, pr.csv, calibration.csv), and the experiment <paramref name="experiment"/>'s in the DVC cache, named by
    /// the dvc.lock of its commit (roc.png and roc.csv only).
    /// </summary>
    public void AddEvaluationPlots(string experiment)
    {
        var folder = Path.Combine(Root, "reports", "evaluation");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "roc.png"), Png(0.9));
        File.WriteAllBytes(Path.Combine(folder, "pr.png"), Png(0.5));
        File.WriteAllText(Path.Combine(folder, "roc.csv"), "fpr,tpr\n0,0\n0.2,0.9\n1,1\n");
        File.WriteAllText(Path.Combine(folder, "pr.csv"), "recall,precision\n0,1\n0.5,0.9\n1,0.5\n");
        File.WriteAllText(Path.Combine(folder, "calibration.csv"), "mean_predicted,observed_rate\n0.05,0.02\n0.5,0.45\n0.93,0.97\n");
        CacheEvaluation(experiment, new(StringComparer.Ordinal) { ["roc.csv"] = "fpr,tpr\n0,0\n0.2,0.7\n1,1\n"u8.ToArray(), ["roc.png"] = Png(0.7) });
    }

    /// <summary>
    /// A regression's curve points as Evaluate leaves them: the workspace's (predicted_vs_actual.csv, residuals.csv) and
    /// the experiment <paramref name="experiment"/>'s in the DVC cache (both, worse), named by the dvc.lock of its commit.
    /// </summary>
    public void AddRegressionCurves(string experiment)
    {
        var folder = Path.Combine(Root, "reports", "evaluation");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "predicted_vs_actual.csv"), "mean_predicted,mean_actual\n10,11\n20,19.5\n30,31\n");
        File.WriteAllText(Path.Combine(folder, "residuals.csv"), "abs_error,share_within\n0,0\n1,0.6\n3,1\n");
        CacheEvaluation(experiment, new(StringComparer.Ordinal)
        {
            ["predicted_vs_actual.csv"] = "mean_predicted,mean_actual\n12,10\n20,21\n27,33\n"u8.ToArray(),
            ["residuals.csv"] = "abs_error,share_within\n0,0\n2,0.5\n6,1\n"u8.ToArray(),
        });
    }

    /// <summary>
    /// Two recommendation runs trained and evaluated on one small ratings table (<see cref="RatingsRuns"/>): the
    /// workspace's, popularity only, its metrics.json and reports/evaluation in the workspace; the experiment
    /// <paramref name="experiment"/>'s, every recommender of the search, its metrics.json in its commit and its
    /// reports/evaluation in the DVC cache, named by the dvc.lock of its commit.
    /// </summary>
    public void AddRecommendationRuns(string experiment)
    {
        var runs = new RatingsRuns(Path.Combine(Root, "work", "ratings"));
        runs.TrainAndEvaluate("workspace", new() { Models = ["popularity"], Budget = 1 }, Path.Combine(Root, "metrics.json"), Path.Combine(Root, "reports", "evaluation"));
        var reports = Path.Combine(Root, "work", experiment, "evaluation");
        var metrics = Path.Combine(Root, "work", experiment, "metrics.json");
        runs.TrainAndEvaluate(experiment, new() { Budget = 1 }, metrics, reports);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(reports)) files[Path.GetFileName(file)] = File.ReadAllBytes(file);
        CacheEvaluation(experiment, files, File.ReadAllBytes(metrics));
    }

    /// <summary>
    /// Puts <paramref name="files"/> in the DVC cache as the reports/evaluation output that the dvc.lock of
    /// <paramref name="experiment"/>'s commit records (and its metrics.json, when given, in that commit).
    /// </summary>
    public void CacheEvaluation(string experiment, SortedDictionary<string, byte[]> files, byte[]? metricsJson = null)
    {
        var cache = new ObjectCache(Path.Combine(Root, ".dvc", "cache"));
        var manifest = new DirManifest([.. files.Select(f => new DirEntry(f.Key, FileHasher.Hash(f.Value)))]);
        foreach (var (hash, bytes) in files.Values.Select(b => (FileHasher.Hash(b), b)).Append((manifest.Hash, manifest.ToBytes())))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(cache.ObjectPath(hash))!);
            File.WriteAllBytes(cache.ObjectPath(hash), bytes);
        }
        var lockText = $"schema: '2.0'\nstages:\n  Evaluate:\n    cmd: ./build.sh Evaluate\n    outs:\n    - path: reports/evaluation\n      hash: md5\n      md5: {manifest.Hash.Value}\n      size: {files.Values.Sum(b => b.Length)}\n      nfiles: {files.Count}\n";
        using var repo = new Repository(Root);
        var reference = repo.Refs.Single(r => r.CanonicalName.EndsWith("/" + experiment, StringComparison.Ordinal));
        var commit = repo.Lookup<Commit>(reference.TargetIdentifier);
        var tree = TreeDefinition.From(commit);
        tree.Add("dvc.lock", repo.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(lockText))), Mode.NonExecutableFile);
        if (metricsJson is not null) tree.Add("metrics.json", repo.ObjectDatabase.CreateBlob(new MemoryStream(metricsJson)), Mode.NonExecutableFile);
        var amended = repo.ObjectDatabase.CreateCommit(commit.Author, commit.Committer, commit.Message, repo.ObjectDatabase.CreateTree(tree), commit.Parents, prettifyMessage: false);
        repo.Refs.UpdateTarget(reference, amended.Id, "add dvc.lock");
    }

    /// <summary>
    /// Monitor's history as three runs left it (reports/monitoring-history.jsonl: amount drifting more each run, the
    /// last without labels so with an estimate only, and a line cut short between runs two and three; the first run
    /// written before Monitor read several hosts, so with its one system.host, the later two reading two hosts, the
    /// second of them down in the last run), the Retrain decision that followed (reports/retrain.json) and every
    /// decision (reports/retrain-history.jsonl: no, no, a line cut short, retrain).
    /// </summary>
    public void AddMonitoringHistory()
    {
        foreach (var name in new[] { "monitoring-history.jsonl", "retrain.json", "retrain-history.jsonl" })
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixture", "files", name), Path.Combine(Root, "reports", name), overwrite: true);
    }

    /// <summary>A real PNG (a ScottPlot curve), different for each <paramref name="bend"/>.</summary>
    private static byte[] Png(double bend)
    {
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(new[] { 0.0, 0.2, 1.0 }, new[] { 0.0, bend, 1.0 });
        return plot.GetImageBytes(320, 240, ScottPlot.ImageFormat.Png);
    }

    /// <summary>
    /// Puts a run in progress (the engine's live record, as <c>LiveRun</c> writes it) under .nuke/temp: Train running
    /// with 3 of 16 trials, owned by <paramref name="pid"/> (this test process, so it counts as alive, by default).
    /// </summary>
    public void StartLiveRun(int? pid = null)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixture", "files", "live.json"));
        File.WriteAllText(Path.Combine(Root, ".nuke", "temp", "live.json"), text.Replace("\"pid\": 0", $"\"pid\": {pid ?? Environment.ProcessId}", StringComparison.Ordinal));
    }

    private static string Metrics(double auc, double accuracy) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"auc\": {auc:0.0000}, \"accuracy\": {accuracy:0.0000}}}\n");

    private static Signature Signature(int minutes) => new("tester", "tester@localhost", FixedClock.Default.GetUtcNow().AddMinutes(minutes));

    /// <summary>
    /// A commit on top of HEAD, to which HEAD's branch moves (params.yaml with <paramref name="leaves"/>, metrics.json
    /// with <paramref name="auc"/>; the workspace stays), with an experiment of it per name of <paramref name="experiments"/>; returns its sha.
    /// </summary>
    public string CommitOnTop(int leaves, double auc, params string[] experiments)
    {
        using var repo = new Repository(Root);
        var head = repo.Head.Tip;
        var commit = CommitWith(repo, head, leaves, auc, 5, "Tune num_leaves");
        repo.Refs.UpdateTarget(repo.Refs[repo.Head.CanonicalName], commit.Id, "commit on top");
        for (var i = 0; i < experiments.Length; i++) AddExperiment(repo, commit, experiments[i], leaves + 1 + i, auc + 0.01, 6 + i);
        return commit.Sha;
    }

    // NOTE: an experiment as ExperimentRecorder writes one: a commit whose only parent is the baseline, under refs/exps/<sha[0:2]>/<sha[2:]>/<name>.
    private static void AddExperiment(Repository repo, Commit baseline, string name, int leaves, double auc, int minutes)
    {
        var commit = CommitWith(repo, baseline, leaves, auc, minutes, $"dvc: commit experiment {name}");
        repo.Refs.Add($"refs/exps/{baseline.Sha[..2]}/{baseline.Sha[2..]}/{name}", commit.Id);
    }

    /// <summary>A child of <paramref name="parent"/> whose params.yaml and metrics.json say <paramref name="leaves"/> and <paramref name="auc"/>.</summary>
    private static Commit CommitWith(Repository repo, Commit parent, int leaves, double auc, int minutes, string message)
    {
        var tree = TreeDefinition.From(parent);
        tree.Add("params.yaml", repo.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"train:\n  num_leaves: {leaves}\n  learning_rate: 0.1\n"))), Mode.NonExecutableFile);
        tree.Add("metrics.json", repo.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Metrics(auc, 0.8800)))), Mode.NonExecutableFile);
        return repo.ObjectDatabase.CreateCommit(Signature(minutes), Signature(minutes), message, repo.ObjectDatabase.CreateTree(tree), [parent], prettifyMessage: false);
    }

    private void Register(string commit, string variant)
    {
        var work = Path.Combine(Root, "work", variant);
        Directory.CreateDirectory(work);
        var model = Path.Combine(work, "model.zip");
        File.WriteAllText(model, $"model {variant}");
        var metrics = Path.Combine(work, "metrics.json");
        File.WriteAllText(metrics, variant == "a" ? Metrics(0.9100, 0.8800) : Metrics(0.9300, 0.8900));
        var inputs = new Dictionary<string, string> { ["models/model.zip"] = variant == "a" ? "33333333333333333333333333333333" : "44444444444444444444444444444444" };
        RegistryFolder.Register(RegistryRoot, Model, new RegistryFiles(model) { Metrics = metrics }, new Lineage(commit, inputs), FixedClock.Default);
    }
}
