using Pipeline.Engine;
using Pipeline.Git.Slurm;

namespace Pipeline.Git.Tests.Slurm;

public sealed class JobLogTailTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"pipeline-joblog-{Guid.NewGuid():N}.log");

    public void Dispose() => File.Delete(_path);

    private sealed class Lines : ITargetLog
    {
        public List<string> Written { get; } = [];
        public void Debug(string message) => Written.Add("DBG " + message);
        public void Information(string message) => Written.Add(message);
        public void Warning(string message) => Written.Add("WRN " + message);
        public void Error(string message) => Written.Add("ERR " + message);
    }

    [Fact]
    public void Drain_LinesAppendedInPieces_EachForwardedOnceWhole()
    {
        var log = new Lines();
        var tail = new JobLogTail(_path, log);
        tail.Drain();
        File.WriteAllText(_path, "one\ntw");
        tail.Drain();
        File.AppendAllText(_path, "o\nthree");
        tail.Drain();

        tail.Drain(final: true);

        Assert.Equal(["one", "two", "three"], log.Written);
        Assert.Equal(["one", "two", "three"], tail.LastLines);
    }
}
