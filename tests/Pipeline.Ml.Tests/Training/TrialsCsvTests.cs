using Pipeline.Ml.Training;

namespace Pipeline.Ml.Tests.Training;

public sealed class TrialsCsvTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("mltrials-");

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public void Write_TrialsOutOfOrderWithFailure_SortedRowsQuotedFieldsAndEmptyValue()
    {
        var path = Path.Combine(root.FullName, "reports", "trials.csv");
        TrialResult[] trials =
        [
            new(1, 1, 1.0, "sdca", new Dictionary<string, double> { ["l2"] = 0.5, ["l1"] = 0.25 }, 0.9123456789),
            new(0, 0, 0.25, "lightgbm", new Dictionary<string, double> { ["num_leaves"] = 8 }, double.NaN) { Error = "bad \"leaves\", retry" },
        ];

        TrialsCsv.Write(path, trials, "auc");

        Assert.Equal(
            "trial,rung,data_fraction,trainer,params,metric,value,error\n"
            + "0,0,0.25,lightgbm,\"{\"\"num_leaves\"\":8}\",auc,,\"bad \"\"leaves\"\", retry\"\n"
            + "1,1,1,sdca,\"{\"\"l1\"\":0.25,\"\"l2\"\":0.5}\",auc,0.912346,\n",
            File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }
}
