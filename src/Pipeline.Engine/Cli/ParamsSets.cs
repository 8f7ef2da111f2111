using Pipeline.Engine.Failures;
using Pipeline.Engine.Params;
using Pipeline.Formats.IO;

namespace Pipeline.Engine.Cli;

/// <summary><c>--set key=value</c>: edits params.yaml before the run (like <c>dvc exp run -S</c>), or only in memory for <c>--plan</c>.</summary>
internal static class ParamsSets
{
    /// <summary>Writes the <c>--set</c> values into params.yaml; true when there were any (so a parsed copy is stale).</summary>
    public static bool Write(Execution.RepositoryLayout layout, CommandLine line)
    {
        if (line.Values("set") is not { Count: > 0 }) return false;
        using var _ = Execution.RepositoryLock.Acquire(layout.RunLockFile, $"pid {Environment.ProcessId} (writing --set values)");
        AtomicFile.WriteAllText(layout.ParamsFile, Apply(layout.ParamsFile, line));
        return true;
    }

    /// <summary>params.yaml with the <c>--set</c> values applied in memory; without any, <paramref name="parsed"/> (the file as read) when given.</summary>
    public static ParamsFile ApplyInMemory(string paramsFile, CommandLine line, Func<ParamsFile>? parsed = null) =>
        line.Values("set") is { Count: > 0 } ? ParamsFile.Parse(Apply(paramsFile, line), paramsFile) : parsed?.Invoke() ?? ParamsFile.Load(paramsFile);

    private static string Apply(string paramsFile, CommandLine line)
    {
        var text = File.Exists(paramsFile) ? File.ReadAllText(paramsFile) : "";
        foreach (var pair in line.Values("set")!)
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) throw new UsageException($"--set takes key=value (e.g. --set train.learning_rate=0.05), got '{pair}'.");
            text = ParamsFile.ApplySet(text, pair[..eq].Trim(), pair[(eq + 1)..].Trim());
        }
        return text;
    }
}
