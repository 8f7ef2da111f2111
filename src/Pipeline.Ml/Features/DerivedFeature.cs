using Pipeline.Formats.Params;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Features;

/// <summary>
/// A numeric feature computed from numeric columns (<c>featurize.derived</c>, a list of specs):
/// <c>ratio:a/b</c> → <c>ratio_a_b</c> = a / b (0 when b is 0); <c>log:x</c> → <c>log_x</c> = ln(1 + max(x, 0)).
/// A missing input gives a missing value, which imputation then fills.
/// </summary>
internal sealed record DerivedFeature(string Name, string Operation, IReadOnlyList<string> Inputs)
{
    /// <summary>Parses a spec; an unknown form is an error showing the supported ones.</summary>
    public static DerivedFeature Parse(string spec)
    {
        var parts = spec.Split(':', 2, StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && parts[0] == "ratio" && parts[1].Split('/', StringSplitOptions.TrimEntries) is [var a, var b] && a.Length > 0 && b.Length > 0)
            return new DerivedFeature($"ratio_{a}_{b}", "ratio", [a, b]);
        if (parts.Length == 2 && parts[0] == "log" && parts[1].Length > 0)
            return new DerivedFeature($"log_{parts[1]}", "log", [parts[1]]);
        throw ParamValue.Bad("featurize.derived", spec, "'ratio: a/b' or 'log: column'");
    }

    /// <summary>The ML.NET expression computing the feature.</summary>
    internal string Expression => Operation == "ratio" ? "(a, b) => b == 0 ? 0 : a / b" : "x => log(1 + max(x, 0))";

    /// <summary>The same value computed in C# (for train statistics); NaN when an input is missing.</summary>
    internal double Compute(IReadOnlyList<double> inputs) => Operation == "ratio"
        ? (inputs[1] == 0 ? 0 : (float)inputs[0] / (float)inputs[1])
        : Math.Log(1 + Math.Max((float)inputs[0], 0));
}
