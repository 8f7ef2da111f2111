using System.Diagnostics;

namespace Pipeline.Git.Bench;

/// <summary>The same-run baselines: <c>cp -r</c> of the object folder, and one parallel signed curl for S3.</summary>
internal static class Baselines
{
    /// <summary><c>cp -r from to</c>; seconds.</summary>
    public static double CopyTree(string from, string to)
    {
        if (Directory.Exists(to)) Directory.Delete(to, recursive: true);
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        return Time("cp", ["-r", from, to]);
    }

    /// <summary>Uploads every object with one <c>curl --parallel</c> (signed, unsigned payload); seconds.</summary>
    public static double CurlUpload(S3Target s3, string bucket, string cacheRoot, IReadOnlyList<string> keys, int jobs, string workDir) =>
        Curl(s3, jobs, workDir, keys.Select(k => $"upload-file = \"{Path.Combine(cacheRoot, k)}\"\nurl = \"{s3.Endpoint}/{bucket}/{k}\"\n"));

    /// <summary>Downloads every object with one <c>curl --parallel</c>; seconds.</summary>
    public static double CurlDownload(S3Target s3, string bucket, string targetRoot, IReadOnlyList<string> keys, int jobs, string workDir)
    {
        if (Directory.Exists(targetRoot)) Directory.Delete(targetRoot, recursive: true);
        return Curl(s3, jobs, workDir, keys.Select(k => $"url = \"{s3.Endpoint}/{bucket}/{k}\"\noutput = \"{Path.Combine(targetRoot, k)}\"\ncreate-dirs\n"));
    }

    private static double Curl(S3Target s3, int jobs, string workDir, IEnumerable<string> transfers)
    {
        var config = Path.Combine(workDir, "curl.cfg");
        File.WriteAllText(config, string.Concat(transfers));
        return Time("curl", ["-sS", "--fail", "--parallel", "--parallel-max", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--aws-sigv4", "aws:amz:us-east-1:s3", "--user", $"{s3.AccessKey}:{s3.SecretKey}", "-H", "x-amz-content-sha256: UNSIGNED-PAYLOAD", "-K", config]);
    }

    private static double Time(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {stderr}{stdout.Result}");
        return watch.Elapsed.TotalSeconds;
    }
}
