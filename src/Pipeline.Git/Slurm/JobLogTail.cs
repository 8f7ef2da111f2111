using System.Text;
using Pipeline.Engine;

namespace Pipeline.Git.Slurm;

/// <summary>Follows a job's log file: new complete lines go to the target's log; the last ones are kept for a failure message.</summary>
internal sealed class JobLogTail(string path, ITargetLog log)
{
    private const int Kept = 10;
    private readonly Queue<string> _last = new();
    private long _offset;
    private string _partial = "";

    public IReadOnlyCollection<string> LastLines => _last;

    /// <summary>Forwards what was appended since the last call; <paramref name="final"/> also forwards an unterminated last line.</summary>
    public void Drain(bool final = false)
    {
        if (!File.Exists(path)) return;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length <= _offset && !final) return;
        stream.Seek(_offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = _partial + reader.ReadToEnd();
        _offset = stream.Length;
        var lines = text.Split('\n');
        _partial = final ? "" : lines[^1];
        foreach (var line in final ? lines : lines[..^1])
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length == 0) continue;
            log.Information(trimmed);
            _last.Enqueue(trimmed);
            if (_last.Count > Kept) _last.Dequeue();
        }
    }
}
