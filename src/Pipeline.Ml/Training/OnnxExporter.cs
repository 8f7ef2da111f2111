using Microsoft.ML;
using Pipeline.Ml.Data;
using Pipeline.Formats.IO;

namespace Pipeline.Ml.Training;

/// <summary>Exports a model to ONNX with Microsoft.ML.OnnxConverter where the featurizer and trainer support it.</summary>
internal static class OnnxExporter
{
    /// <summary>Writes the ONNX file atomically, or reports why the model cannot be exported (never throws for that).</summary>
    public static OnnxExport Export(MLContext ml, ITransformer model, IDataView sample, string path)
    {
        try
        {
            var bytes = new MemoryStream();
            ml.Model.ConvertToOnnx(model, sample, bytes);
            AtomicFile.WriteAllBytes(path, bytes.ToArray());
            return new OnnxExport(true, path, "Exported with Microsoft.ML.OnnxConverter.");
        }
        // NOTE: ONNX export is best effort: unsupported transforms or trainers (and converter/ML.NET version gaps)
        // surface as various exception types; the model.zip remains the artifact of record.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            File.Delete(path);
            return new OnnxExport(false, null, $"ONNX export not supported for this model: {e.GetType().Name}: {e.Message}");
        }
    }
}
