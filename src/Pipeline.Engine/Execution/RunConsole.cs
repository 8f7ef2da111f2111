namespace Pipeline.Engine.Execution;

/// <summary>
/// The run's console: one writer shared by all targets, line-atomic, prefixing lines with the target name
/// when targets run in parallel, and keeping warnings and errors for the replay before the summary.
/// </summary>
internal sealed class RunConsole(TextWriter output, bool prefixTargets, bool verbose = false)
{
    private readonly Lock _gate = new();
    private readonly List<string> _replay = [];

    public IReadOnlyList<string> Replay { get { lock (_gate) return _replay.ToArray(); } }

    public void Line(string text)
    {
        lock (_gate) output.WriteLine(text);
    }

    public void Write(string? target, string level, string message)
    {
        if (level == "DBG" && !verbose) return;
        var prefix = target is not null && prefixTargets ? $"[{target}] " : "";
        lock (_gate)
        {
            foreach (var line in message.Split('\n'))
                output.WriteLine(level == "INF" ? prefix + line : $"{prefix}{level}: {line}");
            if (level is "WRN" or "ERR") _replay.Add($"[{level}] {(target is null ? "" : target + ": ")}{message}");
        }
    }

    public void Warning(string message) => Write(null, "WRN", message);

    public ITargetLog For(string target) => new TargetLog(this, target);

    private sealed class TargetLog(RunConsole console, string target) : ITargetLog
    {
        public void Debug(string message) => console.Write(target, "DBG", message);
        public void Information(string message) => console.Write(target, "INF", message);
        public void Warning(string message) => console.Write(target, "WRN", message);
        public void Error(string message) => console.Write(target, "ERR", message);
    }
}
