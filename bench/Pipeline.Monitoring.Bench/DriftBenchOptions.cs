using System.Globalization;
using Pipeline.Monitoring.Drift;

namespace Pipeline.Monitoring.Bench;

/// <summary>Command-line options: <c>--rows N --runs N --method ks|default|... --seed N --per-column</c>.</summary>
internal sealed record DriftBenchOptions
{
    /// <summary>Rows of each dataset (1,000,000).</summary>
    public int Rows { get; init; } = 1_000_000;

    /// <summary>Timed runs after one warm-up run (5); the median is reported.</summary>
    public int Runs { get; init; } = 5;

    /// <summary>Method forced on every column that supports it; null = the default per-column choice.</summary>
    public DriftMethod? Method { get; init; }

    /// <summary>Also time each column alone (sequentially), to see where the time goes.</summary>
    public bool PerColumn { get; init; }

    /// <summary>Seed of the synthetic datasets (42).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Parses <paramref name="args"/>; unknown flags are errors.</summary>
    public static DriftBenchOptions Parse(string[] args)
    {
        var options = new DriftBenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--rows" => options with { Rows = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture) },
                "--runs" => options with { Runs = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture) },
                "--per-column" => options with { PerColumn = true },
                "--method" => options with { Method = Value() is "default" ? null : DriftMethods.Parse(args[i]) },
                var unknown => throw new ArgumentException(
                    $"Unknown option '{unknown}'. Options: --rows N, --runs N, --seed N, --per-column, --method default|ks|wasserstein|psi|js|chi2."),
            };
        }

        return options.Rows > 0 && options.Runs > 0 ? options : throw new ArgumentException("--rows and --runs must be positive.");
    }
}
