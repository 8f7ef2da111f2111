using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Dvc;

/// <summary>A <c>.dvc</c> file as <c>dvc add</c> writes it (dvc-format.md §5).</summary>
internal static class DvcFile
{
    /// <summary>The text of <c>&lt;name&gt;.dvc</c> for an output named <paramref name="fileName"/> (basename).</summary>
    public static string ToText(HashInfo info, string fileName) => throw new NotImplementedException("STUB: helper B");

    /// <summary>Reads the single out of a .dvc file: its path (relative to the .dvc file's directory) and hash info.</summary>
    public static (string Path, HashInfo Info) Parse(string text) => throw new NotImplementedException();
}
