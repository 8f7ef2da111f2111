using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Tests.Training;

/// <summary>
/// Small seeded synthetic data sets written as raw CSVs (x1, x2 numeric with some missing, segment categorical,
/// label) and a simple featurizer (impute, one-hot, concatenate, label conversion) standing in for Featurize.
/// </summary>
internal sealed class SyntheticTask
{
    public SyntheticTask(MlTask task, string directory, int rows = 400, int seed = 1)
    {
        Task = task;
        TrainPath = Path.Combine(directory, "train.csv");
        TestPath = Path.Combine(directory, "test.csv");
        Write(TrainPath, rows, seed);
        Write(TestPath, rows / 2, seed + 100);
    }

    public MlTask Task { get; }

    public string TrainPath { get; }

    public string TestPath { get; }

    public IDataView Load(MLContext ml, string path) => ml.Data.LoadFromTextFile(path,
    [
        new TextLoader.Column("x1", DataKind.Single, 0),
        new TextLoader.Column("x2", DataKind.Single, 1),
        new TextLoader.Column("segment", DataKind.String, 2),
        new TextLoader.Column("label", Task switch { MlTask.Binary => DataKind.Boolean, MlTask.Multiclass => DataKind.String, _ => DataKind.Single }, 3),
    ], separatorChar: ',', hasHeader: true, allowQuoting: true);

    public ITransformer Featurizer(MLContext ml, IDataView raw)
    {
        var chain = ml.Transforms.ReplaceMissingValues([new("x1i", "x1"), new("x2i", "x2")])
            .Append(ml.Transforms.Categorical.OneHotEncoding("segment_oh", "segment"))
            .Append(ml.Transforms.Concatenate("Features", "x1i", "x2i", "segment_oh"));
        return Task switch
        {
            MlTask.Multiclass => chain.Append(ml.Transforms.Conversion.MapValueToKey("Label", "label")).Fit(raw),
            _ => chain.Append(ml.Transforms.CopyColumns("Label", "label")).Fit(raw),
        };
    }

    private void Write(string path, int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("x1,x2,segment,label\n");
        string[] segments = ["north", "south", "east"];
        for (var i = 0; i < rows; i++)
        {
            var x1 = (random.NextDouble() * 4) - 2;
            var x2 = (random.NextDouble() * 4) - 2;
            var s = random.Next(3);
            var z = (1.5 * x1) - x2 + (s == 0 ? 1 : 0) + (random.NextDouble() - 0.5);
            var label = Task switch
            {
                MlTask.Binary => (1 / (1 + Math.Exp(-2 * z)) > random.NextDouble()) ? "true" : "false",
                MlTask.Multiclass => z < -1 ? "low" : z < 1 ? "mid" : "high",
                _ => (3 * z).ToString("0.###", CultureInfo.InvariantCulture),
            };
            var x1Text = i % 37 == 0 ? "" : x1.ToString("0.####", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{x1Text},{x2:0.####},{segments[s]},{label}\n");
        }

        File.WriteAllText(path, text.ToString());
    }
}
