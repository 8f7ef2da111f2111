using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Formats.IO;

/// <summary>
/// The one way a file is written whole: into a hidden temporary sibling that <see cref="Commit"/> renames over the
/// target, so readers never see half a file. Disposing without committing deletes the temporary file, so a failure
/// leaves the previous file (or none) untouched.
/// </summary>
public sealed class AtomicFile : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private bool _committed;

    /// <summary>Reserves a temporary sibling of <paramref name="path"/>; parent folders are created.</summary>
    public AtomicFile(string path)
    {
        TargetPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(TargetPath)!);
        TempPath = TempPathFor(TargetPath);
    }

    /// <summary>The full path of the file being written.</summary>
    public string TargetPath { get; }

    /// <summary>Where to write the content before <see cref="Commit"/>.</summary>
    public string TempPath { get; }

    /// <summary>
    /// A hidden temporary name beside <paramref name="target"/>: <c>.&lt;name&gt;&lt;suffix&gt;.&lt;16 hex&gt;.tmp</c>.
    /// </summary>
    public static string TempPathFor(string target, string suffix = "")
    {
        // NOTE: the temp file sits next to the target so the final rename stays on one file system (atomic); the dot
        // hides it from listings that skip hidden files, and the random part lets two writers (or a stale leftover)
        // never collide.
        var full = Path.GetFullPath(target);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}{suffix}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
    }

    /// <summary>Renames the temporary file over the target (replacing it).</summary>
    public void Commit()
    {
        File.Move(TempPath, TargetPath, overwrite: true);
        _committed = true;
    }

    /// <summary>
    /// Renames the temporary file onto the target unless the target already exists (another writer placed it first);
    /// true when this writer's file was placed. For content-addressed files, where any complete copy is as good.
    /// </summary>
    public bool CommitIfAbsent()
    {
        try
        {
            File.Move(TempPath, TargetPath, overwrite: false);
            _committed = true;
            return true;
        }
        catch (IOException) when (File.Exists(TargetPath))
        {
            return false;
        }
    }

    /// <summary>Deletes the temporary file unless it was committed (read-only ones too).</summary>
    public void Dispose()
    {
        if (_committed || !File.Exists(TempPath)) return;
        if (OperatingSystem.IsWindows()) File.SetAttributes(TempPath, FileAttributes.Normal);
        File.Delete(TempPath);
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no BOM, line ends as given) to <paramref name="path"/>.</summary>
    public static void WriteAllText(string path, string text)
    {
        using var file = new AtomicFile(path);
        File.WriteAllText(file.TempPath, text, Utf8NoBom);
        file.Commit();
    }

    /// <summary>Like <see cref="WriteAllText"/>, but leaves the file (and its mtime) alone when it already holds <paramref name="text"/>.</summary>
    public static void WriteIfChanged(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path, Utf8NoBom) == text) return;
        WriteAllText(path, text);
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using var file = new AtomicFile(path);
        File.WriteAllBytes(file.TempPath, bytes);
        file.Commit();
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="path"/>, replacing what is there.</summary>
    public static void Copy(string source, string path)
    {
        using var file = new AtomicFile(path);
        File.Copy(source, file.TempPath);
        file.Commit();
    }
}
