using System.Globalization;

namespace Pipeline.Ml.Training;

/// <summary>One hyper-parameter's search range: uniform or log-uniform, integer or real.</summary>
internal sealed record ParamRange(string Name, double Min, double Max, bool Log = false, bool Integer = false)
{
    /// <summary>
    /// Draws a value. Reals are rounded to 6 significant digits so the value written to trials.csv is exactly the
    /// value trained with.
    /// </summary>
    public double Sample(Random random)
    {
        var u = random.NextDouble();
        var value = Log ? Math.Exp(Math.Log(Min) + (u * (Math.Log(Max) - Math.Log(Min)))) : Min + (u * (Max - Min));
        return Integer
            ? Math.Clamp(Math.Round(value), Min, Max)
            : double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
