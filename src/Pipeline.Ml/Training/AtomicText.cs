using System.Text;

namespace Pipeline.Ml.Training;

/// <summary>Writes a file by writing a temporary sibling and renaming it over the target, so readers never see half a file.</summary>
internal static class AtomicText
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    /// <summary>Writes UTF-8 text (no BOM) atomically, creating the directory.</summary>
    public static void Write(string path, string text) => Write(path, Utf8NoBom.GetBytes(text));

    /// <summary>Writes bytes atomically, creating the directory.</summary>
    public static void Write(string path, byte[] bytes)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
