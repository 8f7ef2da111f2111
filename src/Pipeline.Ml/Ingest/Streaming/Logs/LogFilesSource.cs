using System.IO.Enumeration;
using System.Text;
using System.Text.Json.Nodes;

namespace Pipeline.Ml.Ingest.Streaming.Logs;

/// <summary>
/// Log files matched by <c>ingest.path</c> (a glob such as <c>logs/app-*.jsonl</c>, or a directory), each also found
/// rotated (<c>name.1</c>) and compressed (<c>name.gz</c>, <c>name.1.gz</c>). Files are read oldest first, each from
/// its recorded offset: a file is recognised by its inode, or after a rename or gzip by the hash of its first bytes;
/// a truncated or replaced file is read from the start. Only complete lines are read (a partial last line waits for
/// the next run, except in a compressed file, which is closed); a line that does not parse is rejected with its file
/// and line number and the run goes on.
/// </summary>
internal sealed class LogFilesSource : IStreamSource
{
    private readonly string _directory;
    private readonly string _glob;
    private readonly LogLineFormat _format;

    public LogFilesSource(string pattern, string baseDirectory, char? delimiter)
    {
        var full = Path.GetFullPath(pattern, baseDirectory);
        (_directory, _glob) = Directory.Exists(full) ? (full, "*") : (Path.GetDirectoryName(full)!, Path.GetFileName(full));
        _format = LogLineFormat.For(_glob, delimiter);
        Description = $"log files {pattern}";
    }

    /// <inheritdoc />
    public string Kind => "logs";

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public StreamRead Open(JsonNode? after, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_directory))
            throw new IngestException(Description, $"the folder {_directory} does not exist. Check ingest.path.");
        var files = Directory.EnumerateFiles(_directory).Where(path => Matches(Path.GetFileName(path))).Select(path => new LogFile(path))
            .OrderBy(f => f.Modified).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
        if (after is null && files.Count == 0)
            throw new IngestException(Description, $"no file in {_directory} matches '{_glob}'. Check ingest.path.");
        var warnings = new List<string>();
        var claimed = Claim(files, after is null ? [] : after["files"]!.AsArray().Select(n => LogCursor.FromJson(n!)).ToList(), warnings);
        var next = new List<LogCursor>();
        var entries = files.SelectMany(file => Read(file, claimed.GetValueOrDefault(file), next, cancellationToken));
        return new StreamRead(entries, () => new JsonObject { ["files"] = new JsonArray(next.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => c.ToJson()).ToArray()) }, warnings);
    }

    /// <summary>Nothing is held open between reads.</summary>
    public void Dispose()
    {
    }

    private bool Matches(string name)
    {
        if (FileSystemName.MatchesSimpleExpression(_glob, name, ignoreCase: false)) return true;
        var stem = name.EndsWith(".gz", StringComparison.Ordinal) ? name[..^3] : name;
        var dot = stem.LastIndexOf('.');
        if (dot > 0 && stem[(dot + 1)..] is { Length: > 0 } suffix && suffix.All(char.IsAsciiDigit)) stem = stem[..dot];
        return stem != name && FileSystemName.MatchesSimpleExpression(_glob, stem, ignoreCase: false);
    }

    /// <summary>For each recorded cursor, the file that continues it: same inode first, else same head (renamed, gzipped).</summary>
    private Dictionary<LogFile, LogCursor> Claim(List<LogFile> files, List<LogCursor> cursors, List<string> warnings)
    {
        var claimed = new Dictionary<LogFile, LogCursor>();
        foreach (var cursor in cursors)
        {
            var match = files.FirstOrDefault(f => !claimed.ContainsKey(f) && cursor.Identity is { } id && f.Identity == id && Continues(f, cursor))
                ?? files.FirstOrDefault(f => !claimed.ContainsKey(f) && Continues(f, cursor));
            if (match is not null) claimed[match] = cursor;
            // NOTE: a file truncated in place keeps its name and inode and is simply read again from the start; an inode
            // alone proves nothing, as a deleted file's inode is soon reused by a new one.
            else if (!files.Any(f => f.Name == cursor.Name && f.Identity == cursor.Identity))
                warnings.Add($"{Description}: {cursor.Name} (read up to line {cursor.Lines}) is gone; lines written to it after that, if any, were not read.");
        }
        return claimed;
    }

    private static bool Continues(LogFile file, LogCursor cursor) => file.Length >= cursor.Offset && file.HeadMd5(cursor.HeadBytes) == cursor.HeadMd5;

    private IEnumerable<StreamEntry> Read(LogFile file, LogCursor? from, List<LogCursor> next, CancellationToken cancellationToken)
    {
        long offset = from?.Offset ?? 0, lines = from?.Lines ?? 0;
        IReadOnlyList<string> header = _format.HasHeader && offset > 0 ? FirstLine(file) : [];
        using (var stream = file.Open())
        {
            Skip(stream, offset);
            var line = new MemoryStream();
            var buffer = new byte[1 << 16];
            var position = offset;
            while (position < file.Length)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, file.Length - position));
                if (count == 0) break;
                var start = 0;
                for (var i = 0; i < count; i++)
                {
                    if (buffer[i] != (byte)'\n') continue;
                    line.Write(buffer, start, i - start);
                    start = i + 1;
                    offset = position + i + 1;
                    lines++;
                    if (Entry(file, lines, TakeText(line), ref header) is { } entry) yield return entry;
                }
                line.Write(buffer, start, count - start);
                position += count;
            }
            if (file.Compressed && line.Length > 0)
            {
                offset = position;
                lines++;
                if (Entry(file, lines, TakeText(line), ref header) is { } entry) yield return entry;
            }
        }
        if (offset > 0)
        {
            var head = Math.Min(LogCursor.HeadLength, offset);
            next.Add(new LogCursor(file.Name, file.Identity, offset, lines, head, file.HeadMd5(head)!));
        }
    }

    private StreamEntry? Entry(LogFile file, long number, string text, ref IReadOnlyList<string> header)
    {
        if (_format.HasHeader && number == 1)
        {
            header = _format.Header(text);
            return null;
        }
        if (string.IsNullOrWhiteSpace(text)) return null;
        var where = $"{file.Name}:{number}";
        var (fields, reason) = _format.Parse(text, header);
        return fields is null ? StreamEntry.Reject(where, reason!, text) : StreamEntry.Of(where, fields);
    }

    private IReadOnlyList<string> FirstLine(LogFile file)
    {
        using var reader = new StreamReader(file.Open(), Encoding.UTF8);
        return _format.Header(reader.ReadLine() ?? "");
    }

    private static string TakeText(MemoryStream line)
    {
        var text = Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length);
        line.SetLength(0);
        return text.EndsWith('\r') ? text[..^1] : text;
    }

    private static void Skip(Stream stream, long bytes)
    {
        if (stream.CanSeek)
        {
            stream.Seek(bytes, SeekOrigin.Begin);
            return;
        }
        var buffer = new byte[1 << 16];
        for (var left = bytes; left > 0;)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0) break;
            left -= read;
        }
    }
}
