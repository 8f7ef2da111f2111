using Pipeline.Ingest.Bench;
using Pipeline.Ml.Ingest;
using Pipeline.Ml.Ingest.Streaming;
using StackExchange.Redis;

// Ingest of N Redis stream entries into a snapshot (StreamIngestor, what ./build.sh Ingest runs) vs. a same-run
// baseline that reads the same entries with the client (XRANGE pages of the same size) and discards them.
// Usage: Pipeline.Ingest.Bench --redis 127.0.0.1:6379 [--entries 1000000] [--page-size 1000] [--rounds 3]
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length ? args[p.i + 1] : "");
var address = options.GetValueOrDefault("redis") ?? Environment.GetEnvironmentVariable("PIPELINE_TEST_REDIS")
    ?? throw new ArgumentException("--redis host:port (or PIPELINE_TEST_REDIS) is required.");
var entries = int.Parse(options.GetValueOrDefault("entries") ?? "1000000");
var pageSize = int.Parse(options.GetValueOrDefault("page-size") ?? "1000");
var rounds = int.Parse(options.GetValueOrDefault("rounds") ?? "3");
var stream = $"bench-{entries}";

using var redis = ConnectionMultiplexer.Connect(address);
var db = redis.GetDatabase();
if (db.StreamLength(stream) != entries)
{
    db.KeyDelete(stream);
    var random = new Random(42);
    for (var start = 0; start < entries; start += 10_000)
    {
        var batch = db.CreateBatch();
        var adds = Enumerable.Range(start, Math.Min(10_000, entries - start)).Select(i => batch.StreamAddAsync(stream,
        [
            new("id", i), new("ts", $"2026-01-01T00:{i / 60000 % 60:00}:{i / 1000 % 60:00}Z"), new("amount", Math.Round(random.NextDouble() * 500, 2)),
            new("country", random.Next(20).ToString()), new("merchant", $"m{random.Next(1000)}"), new("is_fraud", random.Next(100) == 0 ? 1 : 0),
        ])).ToArray();
        batch.Execute();
        Task.WaitAll(adds);
    }
}
Console.WriteLine($"{entries:N0} entries in stream '{stream}' at {address}; XRANGE pages of {pageSize}; {rounds} rounds, alternating");

var dir = Directory.CreateTempSubdirectory("pipeline-ingest-bench-").FullName;
var ingest = new IngestOptions { Kind = IngestKind.RedisStream, Url = $"redis://{address}", Stream = stream, PageSize = pageSize };
var results = new List<(string What, double Rate, long Peak)>();
var ratios = new List<double>();
for (var round = 1; round <= rounds; round++)
{
    var baseline = PeakMemory.Measure(() =>
    {
        long read = 0;
        RedisValue min = "-";
        while (true)
        {
            var page = db.StreamRange(stream, min, "+", pageSize);
            read += page.Length;
            if (page.Length < pageSize) break;
            min = "(" + page[^1].Id;
        }
        if (read != entries) throw new InvalidOperationException($"baseline read {read}");
    });
    foreach (var file in Directory.GetFiles(dir)) File.Delete(file);
    var paths = new StreamIngestPaths(Path.Combine(dir, "snapshot.csv"), Path.Combine(dir, "position.json"), Path.Combine(dir, "rejected.csv"),
        Path.Combine(dir, "none.csv"), Path.Combine(dir, "none.json"), Path.Combine(dir, "none-rejected.csv"));
    var ours = PeakMemory.Measure(() =>
    {
        var result = StreamIngestor.Run(ingest, paths, dir);
        if (result.Appended != entries) throw new InvalidOperationException($"ingest appended {result.Appended}");
    });
    results.Add(("baseline", entries / baseline.Elapsed.TotalSeconds, baseline.PeakBytes));
    results.Add(("ingest", entries / ours.Elapsed.TotalSeconds, ours.PeakBytes));
    ratios.Add(baseline.Elapsed / ours.Elapsed);
    Console.WriteLine($"round {round}: baseline {entries / baseline.Elapsed.TotalSeconds:N0} entries/s (peak +{baseline.PeakBytes / 1048576.0:N0} MiB), " +
                      $"ingest {entries / ours.Elapsed.TotalSeconds:N0} entries/s (peak +{ours.PeakBytes / 1048576.0:N0} MiB), ratio {baseline.Elapsed / ours.Elapsed:N2}");
}
double Median(string what) => results.Where(r => r.What == what).Select(r => r.Rate).Order().ElementAt(rounds / 2);
long MaxPeak(string what) => results.Where(r => r.What == what).Max(r => r.Peak);
Console.WriteLine($"median: baseline {Median("baseline"):N0} entries/s, ingest {Median("ingest"):N0} entries/s, ratio of medians {Median("ingest") / Median("baseline"):N2}, median of round ratios {ratios.Order().ElementAt(rounds / 2):N2}; " +
                  $"peak working set above start: baseline {MaxPeak("baseline") / 1048576.0:N0} MiB, ingest {MaxPeak("ingest") / 1048576.0:N0} MiB");
Directory.Delete(dir, recursive: true);
return 0;
