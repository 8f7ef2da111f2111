using Microsoft.ML;
using Pipeline.Ml.Data;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Tests.Training;

/// <summary>
/// Trials computed apart from the search (TrialWorker, one trial per "task", each through its TrialResultFile, as a
/// Slurm array task does) give the search the same values as in-process trials: same trials.csv values, byte-identical model.
/// </summary>
public sealed class TrialWorkerTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("trialworker-");

    public void Dispose() => root.Delete(recursive: true);

    /// <summary>Each trial of a rung as a separate task: TrialWorker.Run, written to a file, read back with a node and a job id.</summary>
    private sealed class ThroughFiles(string trainCsv, string featurizer, TrainOptions options, string directory) : ITrialRungRunner
    {
        public List<TrialRung> Rungs { get; } = [];

        public IReadOnlyList<TrialResult> Run(TrialRung rung, CancellationToken cancellation)
        {
            Rungs.Add(rung);
            return rung.Trials.Select((trial, task) =>
            {
                var path = Path.Combine(directory, $"rung{rung.Rung}-task{task}.json");
                TrialResultFile.Write(path, TrialWorker.Run(trainCsv, featurizer, options, rung with { Trials = [trial] }, cancellation));
                return Assert.Single(TrialResultFile.Read(path, task % 2 == 0 ? "n1" : "n2", $"40{rung.Rung}_{task}"));
            }).Reverse().ToList();
        }
    }

    [Fact]
    public void Run_TrialsThroughWorkerFiles_SameTrialValuesAndByteIdenticalModelAsInProcess()
    {
        var data = new SyntheticTask(MlTask.Binary, root.FullName);
        var ml = new MLContext(1);
        var raw = data.Load(ml, data.TrainPath);
        var featurizer = Path.Combine(root.FullName, "featurizer.zip");
        ml.Model.Save(data.Featurizer(ml, raw), raw.Schema, featurizer);
        var options = new TrainOptions { Task = MlTask.Binary, Budget = 6, Seed = 3, Trainers = ["lightgbm", "fasttree", "sdca", "lbfgs"], Parallel = 2 };
        string Out(string run, string file) => Path.Combine(root.FullName, run, file);
        var elsewhere = new ThroughFiles(data.TrainPath, featurizer, options, Directory.CreateDirectory(Path.Combine(root.FullName, "tasks")).FullName);

        var local = ModelTrainer.Run(data.TrainPath, featurizer, options, new TrainOutputs(Out("local", "model.zip"), Out("local", "trials.csv")));
        var remote = ModelTrainer.Run(data.TrainPath, featurizer, options with { RungRunner = elsewhere }, new TrainOutputs(Out("remote", "model.zip"), Out("remote", "trials.csv")));

        Assert.Equal([6, 2, 1], elsewhere.Rungs.Select(r => r.Trials.Count));
        Assert.Equal([0.25, 0.5, 1.0], elsewhere.Rungs.Select(r => r.DataFraction));
        Assert.Equal(local.Best.Trial, remote.Best.Trial);
        Assert.Equal(local.Model.Threshold, remote.Model.Threshold);
        Assert.Equal(File.ReadAllBytes(Out("local", "model.zip")), File.ReadAllBytes(Out("remote", "model.zip")));
        Assert.Equal(File.ReadAllBytes(Out("local", "model.json")), File.ReadAllBytes(Out("remote", "model.json")));
        var localRows = File.ReadAllLines(Out("local", "trials.csv"));
        var remoteRows = File.ReadAllLines(Out("remote", "trials.csv"));
        Assert.Equal("trial,rung,data_fraction,trainer,params,metric,value,error", localRows[0]);
        Assert.Equal(localRows[0] + ",node,job_id", remoteRows[0]);
        Assert.Equal(localRows.Skip(1), remoteRows.Skip(1).Select(row => row[..row.LastIndexOf(',', row.LastIndexOf(',') - 1)]));
        Assert.EndsWith(",n1,400_0", remoteRows[1]);
    }

    [Fact]
    public void Run_RungNotOfTheSearch_ArgumentErrorNamingIt()
    {
        var options = new TrainOptions { Task = MlTask.Binary, Budget = 2, Search = SearchStrategy.Random };

        var error = Assert.Throws<ArgumentException>(() => TrialWorker.Run("train.csv", "featurizer.zip", options, new TrialRung(1, 0.5, [0])));

        Assert.StartsWith("Rung 1 at fraction 0.5 is not a rung of the Random search", error.Message);
    }
}
