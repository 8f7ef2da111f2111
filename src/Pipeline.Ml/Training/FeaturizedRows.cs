using Microsoft.ML;

namespace Pipeline.Ml.Training;

/// <summary>
/// The featurized training rows spilled to a temporary binary IDataView file and read back from disk: the search,
/// the folds and the refit read the same rows many times without running the featurizer again and without holding
/// every row in memory (an in-memory cache of 800k rows × 768 features was the Train stage's largest allocation).
/// The values and their order are those of the source view, so trained models are unchanged. Disposing deletes the file.
/// </summary>
internal sealed class FeaturizedRows : IDisposable
{
    private readonly string path;

    private FeaturizedRows(string path, IDataView view)
    {
        this.path = path;
        View = view;
    }

    /// <summary>The rows, streamed from the file.</summary>
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
            return new FeaturizedRows(path, ml.Data.LoadFromBinary(path));
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
        (View as IDisposable)?.Dispose();
        File.Delete(path);
    }
}
