using Pipeline.Engine.IO;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Params;

namespace Pipeline.Engine.Cli;

/// <summary><c>--set key=value</c>: edits params.yaml before the run (like <c>dvc exp run -S</c>), or only in memory for <c>--plan</c>.</summary>
internal static class ParamsSets
{
    public static void Write(string paramsFile, CommandLine line)
    {
        if (line.Values("set") is not { Count: > 0 }) return;
        AtomicFile.WriteAllText(paramsFile, Apply(paramsFile, line));
    }

    public static ParamsFile ApplyInMemory(string paramsFile, CommandLine line)
    {
        if (line.Values("set") is not { Count: > 0 }) return ParamsFile.Load(paramsFile);
        var temp = Path.Combine(Path.GetTempPath(), $"params-plan-{Environment.ProcessId}.yaml");
        try
        {
            File.WriteAllText(temp, Apply(paramsFile, line));
            return ParamsFile.Load(temp);
        }
        finally
        {
            File.Delete(temp);
        }
    }

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
