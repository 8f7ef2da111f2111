using System.Globalization;
using System.Text.Json;

namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>The reference pipeline's stages, run arguments and what its output files say.</summary>
internal static class PipelineFiles
{
    public static readonly string[] Stages = ["Source", "Ingest", "Validate", "Featurize", "Train", "Evaluate", "Gate", "Register", "Deploy"];

    /// <summary>The embedded source, shrunk (with more fraud so a small holdout has positives) and trained briefly.</summary>
    public static readonly string[] FastDefaultRun =
    [
        "--set", "source.rows=3000", "--set", "source.fraud_rate_multiplier=4", "--set", "train.budget=3",
        "--set", "evaluate.bootstrap=50", "--set", "gate.min.auc=0.6", "--set", "gate.max_regression.auc=1",
    ];

    public const string Registry = "models/registry";

    /// <summary>The top-level numeric entries of metrics.json.</summary>
    public static Dictionary<string, double> Metrics(TestRepository repo)
    {
        using var doc = JsonDocument.Parse(repo.Read("metrics.json"));
        return doc.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Number)
            .ToDictionary(p => p.Name, p => p.Value.GetDouble());
    }

    /// <summary>The stage names dvc.lock records (two-space-indented keys under <c>stages:</c>).</summary>
    public static IReadOnlyList<string> LockedStages(TestRepository repo) =>
        File.Exists(repo.PathOf("dvc.lock"))
            ? [.. repo.Read("dvc.lock").Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("   ", StringComparison.Ordinal) && l.EndsWith(':')).Select(l => l.Trim().TrimEnd(':'))]
            : [];

    /// <summary>One stage's entry in dvc.lock (its key line and the deeper-indented lines after it), or empty.</summary>
    public static string LockEntry(TestRepository repo, string stage)
    {
        var lines = repo.Read("dvc.lock").Split('\n');
        var start = Array.IndexOf(lines, $"  {stage}:");
        return start < 0 ? "" : string.Join('\n', lines.Skip(start).TakeWhile((l, i) => i == 0 || l.StartsWith("   ", StringComparison.Ordinal)));
    }

    /// <summary>Every file under the registry, relative, sorted (empty when there is no registry).</summary>
    public static IReadOnlyList<string> RegistryFiles(TestRepository repo)
    {
        var root = repo.PathOf(Registry);
        return Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>The data lines of a CSV snapshot (RFC 4180: a quoted field may hold newlines), header excluded.</summary>
    public static int DataRows(TestRepository repo, string relative)
    {
        var text = repo.Read(relative);
        var records = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (c == '\n' && !quoted) records++;
        }
        if (text.Length > 0 && text[^1] != '\n') records++;
        return records - 1;
    }

    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
