using System.Text.Json;
using Pipeline.Engine.Execution;

namespace Pipeline.Ui.Pipeline;

/// <summary>The engine's record of the last run (<see cref="RunRecord"/>) with the time it was written, or a message saying why there is none.</summary>
internal static class RunRecordFile
{
    /// <summary>The entries and the file's time, or a message saying why there are none.</summary>
    public static (IReadOnlyList<RunRecordEntry> Rows, DateTimeOffset? Written, string? Problem) Read(string root)
    {
        var path = RunRecord.PathIn(root);
        if (!File.Exists(path)) return ([], null, "No run recorded yet (.nuke/temp/run.json): run ./build.sh.");
        try
        {
            return (RunRecord.Read(path), new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return ([], null, $".nuke/temp/run.json is not a run record ({e.Message}); the next ./build.sh run writes it again.");
        }
    }
}
