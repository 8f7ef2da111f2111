using Pipeline.Engine.Primitives;

namespace Pipeline.Ui.Security;

/// <summary>
/// The one way a path that came from a URL reaches the disk: parsed as a <see cref="RepoPath"/> (no absolute paths,
/// no climbing above the root), required to lie under an allowed folder, and resolved through symbolic links only
/// while they stay inside the repository.
/// </summary>
internal static class RepoFiles
{
    /// <summary>The absolute path of an existing file under <paramref name="folder"/>, or null (the caller answers 404).</summary>
    public static string? Resolve(string root, string folder, string requested)
    {
        try
        {
            var path = RepoPath.Parse($"{folder}/{requested}");
            if (!path.IsSameOrUnder(RepoPath.Parse(folder)) || path.Value == folder) return null;
            var full = path.ResolveInside(root);
            return File.Exists(full) ? full : null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return null;
        }
    }
}
