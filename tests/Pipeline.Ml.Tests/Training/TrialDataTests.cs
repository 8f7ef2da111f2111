using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Ml.Data;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Tests.Training;

/// <summary>A small table (params.yaml without train.cv_folds) is validated on 5 folds and every rung trains on all its rows.</summary>
public sealed class TrialDataTests
{
    private static readonly double[] Fractions = [0.25, 0.5, 1.0];

    [Theory]
    [InlineData(200, 5, 1.0)]
    [InlineData(TrialData.SmallTableRows - 1, 5, 1.0)]
    [InlineData(TrialData.SmallTableRows, 1, 0.25)]
    public void Prepare_CvFoldsUnset_SmallTableGetsFoldsAndWholeRungs(int rows, int folds, double quarterRung)
    {
        var ml = new MLContext(1);
        var data = TrialData.Prepare(ml, Rows(ml, rows), TrainOptions.FromParams(MlTask.Binary, new Dictionary<string, string>()), Fractions);

        Assert.Equal(folds, data.Folds.Count);
        Assert.Equal(quarterRung, data.FractionAt(0.25));
        if (folds > 1) Assert.Equal(rows, data.Folds.Sum(f => Count(f.Validation)));
        Assert.Equal(Count(data.Folds[0].Train) * quarterRung, Count(data.TrainAt(0, 0.25)), tolerance: rows / 20.0);
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("3", 3)]
    public void Prepare_CvFoldsSet_IsKeptOnASmallTable(string cvFolds, int folds)
    {
        var ml = new MLContext(1);
        var options = TrainOptions.FromParams(MlTask.Binary, new Dictionary<string, string> { ["cv_folds"] = cvFolds });
        var data = TrialData.Prepare(ml, Rows(ml, 200), options, Fractions);

        Assert.Equal(folds, data.Folds.Count);
        Assert.Equal(0.25, data.FractionAt(0.25));
    }

    [Fact]
    public void Prepare_OptionsBuiltInCode_AreTakenAsTheySay()
    {
        var ml = new MLContext(1);
        var data = TrialData.Prepare(ml, Rows(ml, 200), new TrainOptions { Task = MlTask.Binary }, Fractions);

        Assert.Single(data.Folds);
        Assert.Equal(0.5, data.FractionAt(0.5));
    }

    private static IDataView Rows(MLContext ml, int count) =>
        ml.Data.LoadFromEnumerable(Enumerable.Range(0, count).Select(i => new Row { Features = [i % 7, i % 3], Label = i % 2 == 0 }));

    private static long Count(IDataView view)
    {
        using var cursor = view.GetRowCursor([]);
        var rows = 0L;
        while (cursor.MoveNext()) rows++;
        return rows;
    }

    private sealed class Row
    {
        [VectorType(2)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }
}
