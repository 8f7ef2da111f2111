using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Pipeline.Engine.IntegrationTests;

/// <summary>
/// The README's promise for a kill at any point of the commit phase: dvc.lock and the cache stay consistent and the
/// next run redoes exactly the unfinished target. The engine's test hook (PIPELINE_TEST_KILL_AT) makes the run
/// SIGKILL itself right after each commit step of Pair (a file and a directory output).
/// </summary>
[Collection(TemplateCollection.Name)]
public sealed partial class CommitKillTests(TemplateRepository template) : IDisposable
{
    private static readonly string[] Others = ["Prepare", "Count", "Report", "Side"];
    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    [Theory]
    [InlineData("promote", true)]
    [InlineData("hash", true)]
    [InlineData("cache", true)]
    [InlineData("code", true)]
    [InlineData("lock", false)]
    [InlineData("run-cache", false)]
    public void Build_KilledAfterCommitStep_LockAndCacheConsistentAndOnlyTheUnfinishedTargetRedone(string step, bool unfinished)
    {
        _repo.Write("input/pair.txt", "first\n");
        var first = _repo.Run("Report", "Side", "Pair");
        Assert.True(first.ExitCode == 0, first.ToString());
        var lockBefore = _repo.Read("dvc.lock");
        _repo.Write("input/pair.txt", "second, longer\n");

        var killed = _repo.Run(["Pair"], new Dictionary<string, string> { ["PIPELINE_TEST_KILL_AT"] = $"Pair:{step}" });

        Assert.True(killed.ExitCode == 137, $"expected SIGKILL (137)\n{killed}");
        AssertConsistent();
        if (unfinished) Assert.Equal(lockBefore, _repo.Read("dvc.lock"));
        else Assert.NotEqual(lockBefore, _repo.Read("dvc.lock"));

        var next = _repo.Run("Report", "Side", "Pair");

        Assert.True(next.ExitCode == 0, next.ToString());
        var statuses = _repo.Statuses();
        Assert.Equal(unfinished ? "executed" : "skipped", statuses["Pair"]);
        Assert.All(Others, t => Assert.Equal("skipped", statuses[t]));
        Assert.Equal("second, longer\n", _repo.Read("out/pair.txt"));
        Assert.Equal("second, longer\n", _repo.Read("out/pair/copy.txt"));
        AssertConsistent();
        var again = _repo.Run("Report", "Side", "Pair");
        Assert.All(_repo.Statuses().Values, s => Assert.Equal("skipped", s));
        Assert.True(again.ExitCode == 0, again.ToString());
    }

    /// <summary>Every object in the cache hashes to its name, and every output dvc.lock records has its objects there.</summary>
    private void AssertConsistent()
    {
        var files = Path.Combine(_repo.Root, ".dvc", "cache", "files", "md5");
        foreach (var obj in Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')))
        {
            var name = Path.GetFileName(Path.GetDirectoryName(obj)) + Path.GetFileName(obj).Replace(".dir", "", StringComparison.Ordinal);
            Assert.Equal(name, Md5(File.ReadAllBytes(obj)));
        }
        foreach (var md5 in LockOutputHashes(_repo.Read("dvc.lock")))
        {
            var obj = Path.Combine(files, md5[..2], md5[2..]);
            Assert.True(File.Exists(obj), $"dvc.lock records {md5} but the cache lacks it");
            if (!md5.EndsWith(".dir", StringComparison.Ordinal)) continue;
            foreach (Match entry in ManifestEntry().Matches(File.ReadAllText(obj)))
                Assert.True(File.Exists(Path.Combine(files, entry.Groups[1].Value[..2], entry.Groups[1].Value[2..])), $"{md5} lists {entry.Groups[1].Value}, missing from the cache");
        }
    }

    /// <summary>The md5 of every item under an <c>outs:</c> list of dvc.lock.</summary>
    private static IEnumerable<string> LockOutputHashes(string lockText)
    {
        var inOuts = false;
        foreach (var line in lockText.Split('\n'))
        {
            if (Regex.IsMatch(line, @"^\s+(deps|outs|params):")) inOuts = line.TrimStart().StartsWith("outs:", StringComparison.Ordinal);
            else if (!line.StartsWith("    ", StringComparison.Ordinal)) inOuts = false;
            if (inOuts && LockMd5().Match(line) is { Success: true } m) yield return m.Groups[1].Value;
        }
    }

    private static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    [GeneratedRegex(@"^\s+md5: ([0-9a-f]{32}(?:\.dir)?)\s*$")]
    private static partial Regex LockMd5();

    [GeneratedRegex("\"md5\": \"([0-9a-f]{32})\"")]
    private static partial Regex ManifestEntry();
}
