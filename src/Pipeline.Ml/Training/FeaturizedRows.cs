using Microsoft.ML;

namespace Pipeline.Ml.Training;

/// <summary>
/// The featurized training rows spilled to a temporary binary IDataView file and read back from disk: the search,
/// the folds and the refit read the same rows many times without running the featurizer again and without holding
/// every row in memory (an in-memory cache of 800k rows × 768 features was the Train stage's largest allocation).
/// A file of at most <see cref="InMemoryBytes"/> is also cached in memory on its first read: the linear trainers
/// (L-BFGS, SDCA) pass over their rows once per iteration, and each pass over the file decompresses every row again.
/// The values and their order are those of the source view, so trained models are unchanged. Disposing deletes the file.
/// </summary>
internal sealed class FeaturizedRows : IDisposable
{
    private readonly string path;
    private readonly IDataView file;

    private FeaturizedRows(string path, IDataView file, IDataView view)
    {
        this.path = path;
        this.file = file;
        View = view;
    }

    /// <summary>The largest spilled file whose rows are kept in memory (compressed; a few times that in memory).</summary>
    public const long InMemoryBytes = 64L << 20;

    /// <summary>The rows, streamed from the file, or from memory when the file is small.</summary>
    public IDataView View { get; }

    /// <summary>Writes <paramref name="featurized"/> to a new temporary file and opens it.</summary>
    public static FeaturizedRows Spill(MLContext ml, IDataView featurized)
    {
        // NOTE: the temp folder, not next to the model, so an interrupted run leaves nothing inside a tracked output folder.
        var path = Path.Combine(Path.GetTempPath(), $"pipeline-featurized-{Guid.NewGuid():N}.idv");
        try
        {
            using (var stream = File.Create(path))
            {
                ml.Data.SaveAsBinary(featurized, stream, keepHidden: false);
            }
            var file = ml.Data.LoadFromBinary(path);
            return new FeaturizedRows(path, file, new FileInfo(path).Length <= InMemoryBytes ? ml.Data.Cache(file) : file);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Closes and deletes the file.</summary>
    public void Dispose()
    {
        (file as IDisposable)?.Dispose();
        File.Delete(path);
    }
}
