using System.Globalization;

namespace ReferencePipeline;

/// <summary>Standardises the features (log amount) and writes an 80/20 train/test split (every fifth row is test).</summary>
internal static class Features
{
    public static void Split(string input, string outputDir)
    {
        var rows = File.ReadLines(input).Skip(1).Select(l => l.Split(',').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray()).ToList();
        foreach (var r in rows) r[0] = Math.Log(1 + r[0]);
        var width = rows[0].Length - 1;
        var mean = Enumerable.Range(0, width).Select(j => rows.Average(r => r[j])).ToArray();
        var sd = Enumerable.Range(0, width).Select(j => Math.Sqrt(rows.Average(r => Math.Pow(r[j] - mean[j], 2))) + 1e-12).ToArray();
        Directory.CreateDirectory(outputDir);
        using var train = new StreamWriter(Path.Combine(outputDir, "train.csv"));
        using var test = new StreamWriter(Path.Combine(outputDir, "test.csv"));
        for (var i = 0; i < rows.Count; i++)
        {
            var z = Enumerable.Range(0, width).Select(j => ((rows[i][j] - mean[j]) / sd[j]).ToString("R", CultureInfo.InvariantCulture));
            (i % 5 == 4 ? test : train).WriteLine(string.Join(',', z.Append(rows[i][width].ToString(CultureInfo.InvariantCulture))));
        }
    }

    public static (double[][] X, double[] Y) Read(string path)
    {
        var rows = File.ReadLines(path).Select(l => l.Split(',').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray()).ToList();
        return (rows.Select(r => r[..^1]).ToArray(), rows.Select(r => r[^1]).ToArray());
    }
}
