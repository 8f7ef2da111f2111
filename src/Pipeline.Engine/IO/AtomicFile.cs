using System.Text;

namespace Pipeline.Engine.IO;

/// <summary>Writes a file all at once: a temp file in the same directory, then a rename over the target.</summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Like <see cref="WriteAllText"/>, but leaves the file (and its mtime) alone when it already holds <paramref name="text"/>.</summary>
    public static void WriteIfChanged(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path, Utf8NoBom) == text) return;
        WriteAllText(path, text);
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no BOM, '\n' line ends kept) to <paramref name="path"/>, creating its directory.</summary>
    public static void WriteAllText(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Path.GetRandomFileName()}.tmp");
        try
        {
            File.WriteAllText(temp, text, Utf8NoBom);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
