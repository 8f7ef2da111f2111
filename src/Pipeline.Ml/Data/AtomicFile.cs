using System.Text;

namespace Pipeline.Ml.Data;

/// <summary>
/// The one way every stage writes an output: into a temporary sibling file that <see cref="Commit"/> renames over the
/// target, so readers never see half a file. Disposing without committing deletes the temporary file, so a failure
/// leaves the previous output (or none) untouched.
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private bool _committed;

    /// <summary>Reserves a temporary sibling of <paramref name="path"/>; parent folders are created.</summary>
    public AtomicFile(string path)
    {
        TargetPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(TargetPath)!);
        // NOTE: the temp file sits next to the target so the final rename stays on one file system (atomic), and its
        // random part lets two writers of one target (or a stale leftover) never collide.
        TempPath = $"{TargetPath}.{Path.GetRandomFileName()}.tmp";
    }

    /// <summary>The full path of the output.</summary>
    public string TargetPath { get; }

    /// <summary>Where to write the content before <see cref="Commit"/>.</summary>
    public string TempPath { get; }

    /// <summary>Renames the temporary file over the target (replacing it).</summary>
    public void Commit()
    {
        File.Move(TempPath, TargetPath, overwrite: true);
        _committed = true;
    }

    /// <summary>Deletes the temporary file unless it was committed.</summary>
    public void Dispose()
    {
        if (!_committed && File.Exists(TempPath)) File.Delete(TempPath);
    }

    /// <summary>Writes text (UTF-8 without BOM, line ends as given) to <paramref name="path"/> atomically.</summary>
    public static void WriteText(string path, string text)
    {
        using var file = new AtomicFile(path);
        File.WriteAllText(file.TempPath, text, Utf8NoBom);
        file.Commit();
    }

    /// <summary>Writes bytes to <paramref name="path"/> atomically.</summary>
    public static void WriteBytes(string path, byte[] bytes)
    {
        using var file = new AtomicFile(path);
        File.WriteAllBytes(file.TempPath, bytes);
        file.Commit();
    }
}
