namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>A whole params.yaml that points the reference pipeline at a CSV file (no SQLite source section).</summary>
internal static class CsvParams
{
    /// <summary>
    /// The params for <paramref name="csvPath"/> (repository-relative); <paramref name="keyLine"/> is the whole
    /// <c>key:</c> line or null to leave the key out; <paramref name="gate"/> is the YAML under <c>gate:</c>.
    /// </summary>
    public static string Yaml(string csvPath, string label, string task, string? keyLine, string sliceColumn, string gate) => $"""
        model:
          name: csv-model
        ingest:
          kind: csv
          path: {csvPath}
        data:
          label: {label}
          task: {task}
        {(keyLine is null ? "" : "  " + keyLine)}
        validate:
          null_rate_jump: 0.1
          label_shift: 0.2
        featurize:
          imputation: median
          outliers: none
          scaling: zscore
          encoding: onehot
          text: true
          test_fraction: 0.2
          seed: 42
        train:
          budget: 3
          search: random_halving
          seed: 7
          onnx: false
        evaluate:
          slice_column: "{sliceColumn}"
          bootstrap: 50
          seed: 7
        gate:
        {gate}
        """ + "\n";
}
