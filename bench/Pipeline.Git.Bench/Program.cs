using System.Globalization;
using Pipeline.Git.Bench;

// Push and Pull throughput of a DVC remote against same-run baselines: `cp -r` for a local folder, a parallel signed
// `curl --aws-sigv4` upload/download of the same files for S3 (radosgw from .ci/ceph.sh, via PIPELINE_TEST_S3_*).
//   dotnet bench/Pipeline.Git.Bench/bin/Release/net10.0/Pipeline.Git.Bench.dll [--files 1024] [--size-mb 1024] [--jobs 16] [--rounds 2] [--dir PATH]
var options = new BenchOptions(
    Files: Int(args, "--files", 1024),
    TotalBytes: Int(args, "--size-mb", 1024) * (1L << 20),
    Jobs: Int(args, "--jobs", 16),
    Rounds: Int(args, "--rounds", 2),
    Directory: Value(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "pipeline-remote-bench"));
var results = await new RemoteBench(options, S3Target.FromEnvironment()).RunAsync();
Console.WriteLine(ResultTable.Render(options, results));
return 0;

static string? Value(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static int Int(string[] args, string name, int fallback) =>
    Value(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
