using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Formats.Columns;
using Pipeline.Ml.Data;
using Pipeline.Ml.Features;
using Pipeline.Ml.Training;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Tests.Models;

public sealed class ModelLoaderTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("serving-loader-");

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public void Predict_MulticlassModel_ClassAndProbabilitiesMatchPredictionEngine()
    {
        var folder = Train(MlTask.Multiclass, ["sdca_maxent"]);
        var served = ModelLoader.Load(folder, "m", "stable");
        var ml = new MLContext(0);
        var (model, _) = ModelZip.Load(ml, Path.Combine(folder, "model.zip"));
        var engine = ml.Model.CreatePredictionEngine<Row, MulticlassOut>(model);

        var prediction = served.Predict([[1.5f, "b".AsMemory()]])[0];
        var expected = engine.Predict(new Row { X = 1.5f, Group = "b" });

        Assert.Equal(["high", "low", "mid"], served.Classes.Order());
        Assert.Equal(expected.Score, prediction.Probabilities);
        Assert.Equal(served.Classes[(int)expected.PredictedLabel - 1], prediction.Class);
    }

    [Fact]
    public void Predict_RegressionModel_ValueMatchesPredictionEngine()
    {
        var folder = Train(MlTask.Regression, ["sdca"]);
        var served = ModelLoader.Load(folder, "m", "stable");
        var ml = new MLContext(0);
        var (model, _) = ModelZip.Load(ml, Path.Combine(folder, "model.zip"));
        var engine = ml.Model.CreatePredictionEngine<Row, RegressionOut>(model);

        var prediction = served.Predict([[-0.5f, "a".AsMemory()], [float.NaN, "c".AsMemory()]]);

        Assert.Equal(engine.Predict(new Row { X = -0.5f, Group = "a" }).Score, prediction[0].Score);
        Assert.Equal(engine.Predict(new Row { X = float.NaN, Group = "c" }).Score, prediction[1].Score);
        Assert.Null(prediction[0].Label);
    }

    private string Train(MlTask task, IReadOnlyList<string> trainers)
    {
        var folder = Path.Combine(root.FullName, task.ToString(), "v0.0.1");
        Directory.CreateDirectory(folder);
        var random = new Random(4);
        var csv = Path.Combine(root.FullName, task + ".csv");
        var lines = new List<string> { "x,group,y" };
        for (var i = 0; i < 240; i++)
        {
            var x = (random.NextDouble() * 4) - 2;
            var g = "abc"[random.Next(3)];
            var z = x + (g == 'a' ? 1 : 0) + (random.NextDouble() * 0.3);
            var y = task == MlTask.Multiclass ? (z < -0.5 ? "low" : z < 1 ? "mid" : "high") : (3 * z).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            lines.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{x:0.####},{g},{y}"));
        }

        File.WriteAllLines(csv, lines);
        var ml = new MLContext(1);
        var raw = ml.Data.LoadFromTextFile(csv, [new TextLoader.Column("x", DataKind.Single, 0), new TextLoader.Column("group", DataKind.String, 1), new TextLoader.Column("y", task == MlTask.Multiclass ? DataKind.String : DataKind.Single, 2)], ',', hasHeader: true);
        var chain = ml.Transforms.ReplaceMissingValues("xi", "x").Append(ml.Transforms.Categorical.OneHotEncoding("g", "group")).Append(ml.Transforms.Concatenate("Features", "xi", "g"));
        ITransformer featurizer = task == MlTask.Multiclass ? chain.Append(ml.Transforms.Conversion.MapValueToKey("Label", "y")).Fit(raw) : chain.Append(ml.Transforms.CopyColumns("Label", "y")).Fit(raw);
        var modelPath = Path.Combine(folder, "model.zip");
        Pipeline.Ml.Validation.SchemaFile.Write(Path.Combine(folder, "schema.yaml"), new DatasetSchema(
            [new ColumnSchema("x", ColumnKind.Numeric) { Nullable = true }, new ColumnSchema("group", ColumnKind.Categorical), new ColumnSchema("y", task == MlTask.Multiclass ? ColumnKind.Categorical : ColumnKind.Numeric)], "y", task));
        ModelTrainer.Run(raw, featurizer, new TrainOptions { Task = task, Budget = 1, Search = SearchStrategy.Random, Trainers = trainers, Parallel = 1 }, new TrainOutputs(modelPath, Path.Combine(root.FullName, task + "-trials.csv")));
        return folder;
    }

    private sealed class Row
    {
        [ColumnName("x")] public float X { get; set; }
        [ColumnName("group")] public string Group { get; set; } = "";
        [ColumnName("y")] public string Y { get; set; } = "";
    }

    private sealed class MulticlassOut
    {
        public float[] Score { get; set; } = [];
        public uint PredictedLabel { get; set; }
    }

    private sealed class RegressionOut
    {
        public float Score { get; set; }
    }
}
