namespace ReferencePipeline;

/// <summary>Where the reference pipeline's stages read and write, relative to the repository root.</summary>
internal static class Paths
{
    public const string SourceDatabase = "data/source/transactions.db";
    public const string Snapshot = "data/raw/snapshot.csv";
    public const string StreamPosition = "data/raw/position.json";
    public const string StreamRejected = "data/raw/rejected.csv";
    public const string Schema = "data/schema.yaml";
    public const string Validated = "data/validated/snapshot.csv";
    public const string Quarantine = "data/quarantine/snapshot.csv";
    public const string FeedbackQuarantine = "data/quarantine/feedback.csv";
    public const string ValidationJson = "reports/validation.json";
    public const string ValidationText = "reports/validation.txt";
    public const string TrainSet = "data/features/train.csv";
    public const string TestSet = "data/features/test.csv";
    public const string Profile = "data/features/profile.json";
    public const string Featurizer = "models/featurizer.zip";
    public const string SplitReport = "reports/split.json";
    public const string Model = "models/model.zip";
    public const string ModelInfo = "models/model.json";
    public const string Onnx = "models/model.onnx";
    public const string Trials = "reports/trials.csv";
    public const string Metrics = "metrics.json";
    public const string EvaluationReports = "reports/evaluation";
    public const string GateReport = "reports/gate.txt";
    public const string Registration = "models/registered.json";
    public const string Registry = "models/registry";
}
