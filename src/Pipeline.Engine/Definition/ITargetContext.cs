namespace Pipeline.Engine;

/// <summary>What a running target sees: cancellation, its declared paths, its parameters and a logger.</summary>
public interface ITargetContext
{
    /// <summary>The target's name.</summary>
    string Name { get; }

    /// <summary>Signalled on Ctrl-C or when the run is aborted.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>The repository root (absolute).</summary>
    string RootDirectory { get; }

    /// <summary>The target's inputs, globs expanded, relative to the root.</summary>
    IReadOnlyList<string> Inputs { get; }

    /// <summary>Every declared output (outputs, metrics, plots), relative to the root.</summary>
    IReadOnlyList<string> Outputs { get; }

    /// <summary>The absolute path of an input, e.g. <c>ctx.Input("data/features/train.csv")</c>.</summary>
    string Input(string path);

    /// <summary>
    /// The absolute path to write a declared output to. It lies in a staging folder; the engine moves it into
    /// place only when the target succeeds, so a failed or killed run never leaves a half-written output.
    /// </summary>
    string Output(string declaredPath);

    /// <summary>A declared parameter's value converted to <typeparamref name="T"/> (dotted key, e.g. <c>train.lr</c>).</summary>
    T Param<T>(string dottedKey);

    /// <summary>
    /// A declared params.yaml section flattened to strings: nested keys dotted relative to the section
    /// (<c>gate</c> → <c>min.auc</c>), lists comma-joined, null as empty, numbers in invariant culture.
    /// An absent section gives an empty dictionary.
    /// </summary>
    IReadOnlyDictionary<string, string> ParamSection(string section);

    /// <summary>The md5 of every input as hashed for this run (repo-relative path → hash), e.g. for lineage records.</summary>
    IReadOnlyDictionary<string, string> InputHashes { get; }

    /// <summary>The logger; lines are prefixed with the target name when targets run in parallel.</summary>
    ITargetLog Log { get; }

    /// <summary>Adds a <c>key: value</c> note to the target's row in the end-of-run summary.</summary>
    void Summary(string key, object? value);

    /// <summary>
    /// Reports how far the target is (trials done, rows read): shown on the terminal and in the live run record
    /// (<c>.nuke/temp/live.json</c>, the web UI's Pipeline page). Cheap to call often; the engine limits the rate.
    /// </summary>
    void Progress(TargetProgress progress)
    {
    }
}
