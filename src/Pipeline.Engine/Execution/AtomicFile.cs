using System.Text;

namespace Pipeline.Engine.Execution;

/// <summary>Writes a file through a temp file in the same directory and a rename, so readers never see half a file.</summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path) && File.ReadAllText(path, Utf8) == text) return;
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temp, text, Utf8);
        File.Move(temp, path, overwrite: true);
    }
}
