using System.IO.Compression;
using Pipeline.Ml.Ingest;

namespace Pipeline.Ml.Tests.Ingest.Streaming;

public sealed class LogFilesIngestTests : IDisposable
{
    private static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly StreamWorkspace _ws = new();
    private int _age;

    private static IngestOptions Options(string path = "logs/app*.jsonl") => new() { Kind = IngestKind.Logs, Path = path };

    private string Log(string name) => Path.Combine(_ws.Root, "logs", name);

    /// <summary>Appends text to a log file, giving it a later modification time than every file written before.</summary>
    private void Append(string name, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Log(name))!);
        File.AppendAllText(Log(name), text);
        File.SetLastWriteTimeUtc(Log(name), Epoch.AddMinutes(++_age));
    }

    private void Rename(string from, string to)
    {
        File.Move(Log(from), Log(to));
    }

    private void Gzip(string name)
    {
        using (var input = File.OpenRead(Log(name)))
        using (var output = new GZipStream(File.Create(Log(name + ".gz")), CompressionLevel.Fastest))
        {
            input.CopyTo(output);
        }
        File.SetLastWriteTimeUtc(Log(name + ".gz"), File.GetLastWriteTimeUtc(Log(name)));
        File.Delete(Log(name));
    }

    [Fact]
    public void Ingest_PartialLastLine_LeftForTheNextRun()
    {
        Append("app.jsonl", "{\"n\":1,\"msg\":\"a\"}\n{\"n\":2,\"msg\":\"b\"}\n{\"n\":3,\"ms");

        var first = _ws.Ingest(Options());
        Append("app.jsonl", "g\":\"c\"}\n{\"n\":4}\n");
        var second = _ws.Ingest(Options());

        Assert.Equal((2, 2), (first.Appended, second.Appended));
        Assert.Equal("n,msg\n1,a\n2,b\n3,c\n4,\n", _ws.Text(_ws.Snapshot));
    }

    [Fact]
    public void Ingest_NothingNew_OutputsByteIdentical()
    {
        Append("app.jsonl", "{\"n\":1}\n");
        _ws.Ingest(Options());
        var position = File.ReadAllBytes(_ws.Position);

        var result = _ws.Ingest(Options());

        Assert.Equal(0, result.Appended);
        Assert.Equal(position, File.ReadAllBytes(_ws.Position));
    }

    [Fact]
    public void Ingest_RotatedByRename_RestOfTheOldFileThenTheNewOne()
    {
        Append("app.jsonl", "{\"n\":1}\n{\"n\":2}\n");
        _ws.Ingest(Options());
        Append("app.jsonl", "{\"n\":3}\n");
        Rename("app.jsonl", "app.jsonl.1");
        Append("app.jsonl", "{\"n\":4}\n");

        var result = _ws.Ingest(Options());

        Assert.Equal(2, result.Appended);
        Assert.Equal("n\n1\n2\n3\n4\n", _ws.Text(_ws.Snapshot));
    }

    [Fact]
    public void Ingest_RotatedThenGzipped_ContinuesInsideTheCompressedFile()
    {
        Append("app.jsonl", "{\"n\":1}\n{\"n\":2}\n");
        _ws.Ingest(Options());
        Append("app.jsonl", "{\"n\":3}\n");
        Rename("app.jsonl", "app.jsonl.1");
        Gzip("app.jsonl.1");
        Append("app.jsonl", "{\"n\":4}\n");

        var result = _ws.Ingest(Options());
        Append("app.jsonl", "{\"n\":5}\n");
        var again = _ws.Ingest(Options());

        Assert.Equal((2, 1), (result.Appended, again.Appended));
        Assert.Equal("n\n1\n2\n3\n4\n5\n", _ws.Text(_ws.Snapshot));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Ingest_CompressedFileWithoutFinalNewline_ItsLastLineIsRead()
    {
        Append("app.jsonl.1", "{\"n\":1}\n{\"n\":2}");
        Gzip("app.jsonl.1");

        var result = _ws.Ingest(Options());

        Assert.Equal(2, result.Appended);
        Assert.Equal("n\n1\n2\n", _ws.Text(_ws.Snapshot));
    }

    [Fact]
    public void Ingest_CopiedThenTruncated_TheCopyContinuesAndTheTruncatedFileIsReadFromTheStart()
    {
        Append("app.jsonl", "{\"n\":1}\n{\"n\":2}\n");
        _ws.Ingest(Options());
        Append("app.jsonl", "{\"n\":3}\n");
        File.Copy(Log("app.jsonl"), Log("app.jsonl.1"));
        File.SetLastWriteTimeUtc(Log("app.jsonl.1"), Epoch.AddMinutes(++_age));
        File.WriteAllText(Log("app.jsonl"), "");
        Append("app.jsonl", "{\"n\":4}\n");

        var result = _ws.Ingest(Options());

        Assert.Equal(2, result.Appended);
        Assert.Equal("n\n1\n2\n3\n4\n", _ws.Text(_ws.Snapshot));
    }

    [Fact]
    public void Ingest_UnparseableLine_RejectedWithFileAndLineAndTheRunGoesOn()
    {
        Append("app.jsonl", "{\"n\":1}\nnot json\n[1]\n{\"n\":2}\n");

        var result = _ws.Ingest(Options());

        Assert.Equal((2, 2), (result.Appended, result.Rejected));
        Assert.Equal("n\n1\n2\n", _ws.Text(_ws.Snapshot));
        var rejected = _ws.Text(_ws.Rejected).Split('\n');
        Assert.StartsWith("app.jsonl:2,not valid JSON", rejected[1], StringComparison.Ordinal);
        Assert.EndsWith(",not json", rejected[1], StringComparison.Ordinal);
        Assert.Equal("app.jsonl:3,expected a JSON object per line,[1]", rejected[2]);
    }

    [Fact]
    public void Ingest_CsvLines_EachFileHeadedByItsFirstLine()
    {
        Append("app.csv", "id,amount\n1,\"2,5\"\n");
        _ws.Ingest(Options("logs/app*.csv"));
        Append("app.csv", "2,3\n3\n");

        var result = _ws.Ingest(Options("logs/app*.csv"));

        Assert.Equal("id,amount\n1,\"2,5\"\n2,3\n", _ws.Text(_ws.Snapshot));
        Assert.Equal(1, result.Rejected);
        Assert.Contains("app.csv:4,expected 2 fields (as in the file's header) but found 1,3", _ws.Text(_ws.Rejected), StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_FileDisappeared_OneWarningLine()
    {
        Append("app.jsonl", "{\"n\":1}\n");
        _ws.Ingest(Options());
        File.Delete(Log("app.jsonl"));
        Append("app-2.jsonl", "{\"n\":2}\n");

        var result = _ws.Ingest(Options());

        Assert.Equal(1, result.Appended);
        Assert.Equal(["log files logs/app*.jsonl: app.jsonl (read up to line 1) is gone; lines written to it after that, if any, were not read."], result.Warnings);
    }

    [Fact]
    public void Ingest_NoMatchingFile_OneLineAndNoOutput()
    {
        Directory.CreateDirectory(Log(""));

        var error = Assert.Throws<IngestException>(() => _ws.Run(Options()));

        Assert.Equal($"Ingest from log files logs/app*.jsonl failed: no file in {Log("").TrimEnd('/')} matches 'app*.jsonl'. Check ingest.path.", error.Message);
        Assert.False(File.Exists(_ws.Paths.Snapshot));
    }

    public void Dispose() => _ws.Dispose();
}
