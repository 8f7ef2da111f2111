using System.Globalization;

namespace Pipeline.Ml.Bench;

/// <summary>Command-line options: <c>--rows N --dir PATH --skip-generate --skip-infer --trainers a,b --wide c1,c2 --outliers kind</c>.</summary>
internal sealed record BenchOptions
{
    /// <summary>Rows of the synthetic snapshot (1,000,000).</summary>
    public long Rows { get; init; } = 1_000_000;

    /// <summary>Working folder for the snapshot and every stage output (/tmp/pipeline-ml-bench).</summary>
    public string Directory { get; init; } = "/tmp/pipeline-ml-bench";

    /// <summary>Use the existing snapshot; fail when it is missing.</summary>
    public bool SkipGenerate { get; init; }

    /// <summary>Wide benchmark: reuse the run folder's schema.yaml when it exists instead of inferring it again.</summary>
    public bool SkipInfer { get; init; }

    /// <summary>Trainers timed one after another, each with budget 1 (lightgbm).</summary>
    public IReadOnlyList<string> Trainers { get; init; } = ["lightgbm"];

    /// <summary>Column counts of the wide-table Featurize benchmark (<c>--wide 100,1000</c>); empty runs the stage benchmark.</summary>
    public IReadOnlyList<int> WideColumns { get; init; } = [];

    /// <summary>Outlier clipping in the wide benchmark (<c>--outliers iqr</c>; none).</summary>
    public Pipeline.Ml.Features.OutlierStrategy Outliers { get; init; } = Pipeline.Ml.Features.OutlierStrategy.None;

    /// <summary>The snapshot path for <see cref="Rows"/>.</summary>
    public string SnapshotPath => Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"transactions-{Rows}.csv"));

    /// <summary>The folder of this run's stage outputs (recreated per run, so Validate infers the schema).</summary>
    public string RunDirectory => Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"run-{Rows}"));

    /// <summary>Parses <paramref name="args"/>; unknown flags are errors.</summary>
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--rows" => options with { Rows = long.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture) },
                "--dir" => options with { Directory = Path.GetFullPath(Value()) },
                "--skip-generate" => options with { SkipGenerate = true },
                "--skip-infer" => options with { SkipInfer = true },
                "--trainers" => options with { Trainers = Value().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) },
                "--wide" => options with { WideColumns = [.. Value().Split(',').Select(c => int.Parse(c, NumberStyles.Integer, CultureInfo.InvariantCulture))] },
                "--outliers" => options with { Outliers = Enum.Parse<Pipeline.Ml.Features.OutlierStrategy>(Value(), ignoreCase: true) },
                var unknown => throw new ArgumentException($"Unknown option '{unknown}'. Options: --rows N, --dir PATH, --skip-generate, --skip-infer, --trainers lightgbm,fasttree, --wide 100,1000,10000, --outliers none|iqr|zscore."),
            };
        }
        return options.Rows > 0 ? options : throw new ArgumentException("--rows must be positive.");
    }
}
