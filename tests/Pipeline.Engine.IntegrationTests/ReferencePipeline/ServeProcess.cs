using System.Diagnostics;

namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>What the tests of <c>./build.sh Serve</c> share: waiting for the host, and a row of the snapshot to predict.</summary>
internal static class ServeProcess
{
    /// <summary>Returns when the host answers its readiness probe; throws when it exits first or is not ready in 2 minutes.</summary>
    public static async Task WaitReady(HttpClient http, Process serve)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (serve.HasExited) throw new InvalidOperationException($"Serve exited with {serve.ExitCode}: {serve.StandardError.ReadToEnd()}");
            try
            {
                if ((await http.GetAsync("/v2/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("the serving host was not ready in 2 minutes");
    }

    /// <summary>The first row of the default pipeline's snapshot as a request instance (without its key and label).</summary>
    public static Dictionary<string, object?> FirstSnapshotRow(TestRepository repo)
    {
        var lines = File.ReadLines(repo.PathOf("data/raw/snapshot.csv")).Take(2).ToArray();
        var (header, values) = (lines[0].Split(','), lines[1].Split(','));
        var row = new Dictionary<string, object?>();
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i] is "id" or "is_fraud") continue;
            row[header[i]] = double.TryParse(values[i], System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : values[i];
        }
        return row;
    }
}
