namespace Pipeline.Engine.Execution;

/// <summary>
/// The run's console: one writer shared by all targets, line-atomic, prefixing lines with the target name
/// when targets run in parallel, and keeping warnings and errors for the replay before the summary. On a terminal
/// it also keeps one progress line at the bottom (<see cref="ShowProgress"/>), rewritten in place and redrawn under
/// every ordinary line.
/// </summary>
internal sealed class RunConsole(TextWriter output, bool prefixTargets, bool verbose = false)
{
    // NOTE: carriage return, then ANSI "erase to end of line": the progress line is overwritten in place.
    private const string EraseLine = "\r\u001b[K";
    private readonly Lock _gate = new();
    private readonly List<string> _replay = [];
    private string? _progress;

    public IReadOnlyList<string> Replay { get { lock (_gate) return _replay.ToArray(); } }

    public void Line(string text)
    {
        lock (_gate)
        {
            Erase();
            output.WriteLine(text);
            Redraw();
        }
    }

    public void Write(string? target, string level, string message)
    {
        if (level == "DBG" && !verbose) return;
        var prefix = target is not null && prefixTargets ? $"[{target}] " : "";
        lock (_gate)
        {
            Erase();
            foreach (var line in message.Split('\n'))
                output.WriteLine(level == "INF" ? prefix + line : $"{prefix}{level}: {line}");
            if (level is "WRN" or "ERR") _replay.Add($"[{level}] {(target is null ? "" : target + ": ")}{message}");
            Redraw();
        }
    }

    /// <summary>Shows <paramref name="text"/> as the terminal's progress line (replacing the previous one); only for a terminal.</summary>
    public void ShowProgress(string text)
    {
        lock (_gate)
        {
            Erase();
            _progress = text;
            Redraw();
        }
    }

    /// <summary>Removes the progress line, if any.</summary>
    public void ClearProgress()
    {
        lock (_gate)
        {
            Erase();
            _progress = null;
        }
    }

    public void Warning(string message) => Write(null, "WRN", message);

    public ITargetLog For(string target) => new TargetLog(this, target);

    private void Erase()
    {
        if (_progress is not null) output.Write(EraseLine);
    }

    private void Redraw()
    {
        if (_progress is null) return;
        output.Write(_progress);
        output.Flush();
    }

    private sealed class TargetLog(RunConsole console, string target) : ITargetLog
    {
        public void Debug(string message) => console.Write(target, "DBG", message);
        public void Information(string message) => console.Write(target, "INF", message);
        public void Warning(string message) => console.Write(target, "WRN", message);
        public void Error(string message) => console.Write(target, "ERR", message);
    }
}
