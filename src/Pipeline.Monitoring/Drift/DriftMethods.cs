using Pipeline.Formats.Columns;
namespace Pipeline.Monitoring.Drift;

/// <summary>Wire names and properties of <see cref="DriftMethod"/> values.</summary>
public static class DriftMethods
{
    private static readonly (DriftMethod Method, string Name)[] Names =
    [
        (DriftMethod.Ks, "ks"), (DriftMethod.ChiSquare, "chi2"), (DriftMethod.Psi, "psi"),
        (DriftMethod.JensenShannon, "js"), (DriftMethod.Wasserstein, "wasserstein"),
        (DriftMethod.DomainClassifier, "domain_classifier"),
    ];

    /// <summary>The wire name ("ks", "chi2", "psi", "js", "wasserstein", "domain_classifier").</summary>
    public static string WireName(this DriftMethod method) => Names.Single(n => n.Method == method).Name;

    /// <summary>The wire names, in declaration order.</summary>
    public static IReadOnlyList<string> WireNames { get; } = [.. Names.Select(n => n.Name)];

    /// <summary>Parses a wire name; the error lists the known names.</summary>
    public static DriftMethod Parse(string name) =>
        TryParse(name) ?? throw new ArgumentException($"Drift method '{name}' is not known. Known methods: {string.Join(", ", WireNames)}.");

    /// <summary>The method with wire name <paramref name="name"/> (any case, trimmed), or null.</summary>
    public static DriftMethod? TryParse(string? name)
    {
        foreach (var (method, wire) in Names)
        {
            if (string.Equals(wire, name?.Trim(), StringComparison.OrdinalIgnoreCase)) return method;
        }

        return null;
    }

    /// <summary>True for statistical tests (verdict from a p-value), false for distances.</summary>
    public static bool IsTest(this DriftMethod method) => method is DriftMethod.Ks or DriftMethod.ChiSquare;

    /// <summary>
    /// True when the method can run on a column of the given kind: every method but the domain classifier on numbers;
    /// chi-square, PSI and Jensen-Shannon on labels (Categorical, Boolean, Text, Date); the domain classifier on Text only.
    /// A 0/1 column is Boolean, so it drifts by chi-square over its two values (or JS on a large reference), not by KS
    /// over two spikes.
    /// </summary>
    public static bool Supports(this DriftMethod method, ColumnKind kind) => method == DriftMethod.DomainClassifier
        ? kind == ColumnKind.Text
        : kind == ColumnKind.Numeric || method is DriftMethod.ChiSquare or DriftMethod.Psi or DriftMethod.JensenShannon;
}
