namespace Pipeline.Tests;

/// <summary>
/// Large golden outputs kept as files in a <c>Goldens/</c> folder beside their tests (copied to the output folder by
/// tests/Directory.Build.props), compared with the same assertions an inline literal would get.
/// </summary>
internal static class GoldenFile
{
    /// <summary>The exact text of <paramref name="relativePath"/>, given from the test project's folder (e.g. <c>Ci/Goldens/workflow.yml</c>).</summary>
    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relativePath));
}
