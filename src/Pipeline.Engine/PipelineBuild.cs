using System.Linq.Expressions;
using Pipeline.Engine.Cli;

namespace Pipeline.Engine;

/// <summary>
/// The base of a build class, NUKE's <c>NukeBuild</c>: declare targets as <see cref="Target"/> properties and
/// <c>[Parameter]</c> fields, and start it with <c>public static int Main() => Execute&lt;Build&gt;(x => x.Train);</c>.
/// </summary>
public abstract class PipelineBuild
{
    /// <summary>The repository root (the folder holding <c>.nuke</c>); set before parameters are injected and targets are read.</summary>
    public string RootDirectory { get; internal set; } = "";

    private (Params.ParamsFile File, Hashing.FileStamp? Stamp)? _params;

    private string ParamsPath => Path.Combine(RootDirectory, "params.yaml");

    /// <summary>
    /// params.yaml parsed once for this invocation (after <c>--set</c> was written) and read by everything that needs it:
    /// <see cref="ParamsValue"/>, <see cref="ParamsSection"/>, the start-up section check and the run itself.
    /// </summary>
    internal Params.ParamsFile ParsedParams
    {
        get
        {
            if (_params is null)
            {
                // NOTE: stamped before reading, so a write racing the read shows up as a changed stamp in CurrentParams.
                var stamp = Hashing.FileStamp.Read(ParamsPath);
                _params = (Params.ParamsFile.Load(ParamsPath), stamp);
            }
            return _params.Value.File;
        }
    }

    /// <summary>
    /// params.yaml as it is now, for a run that has just taken the repository lock: the parsed copy while the file has
    /// the stamp it had when read (the usual case), else read again (another process changed it meanwhile).
    /// </summary>
    internal Params.ParamsFile CurrentParams()
    {
        if (_params is { } read && read.Stamp == Hashing.FileStamp.Read(ParamsPath)) return read.File;
        ForgetParams();
        return ParsedParams;
    }

    /// <summary>
    /// A params.yaml value (scalar, as invariant text; null when absent) read while targets are being defined, e.g.
    /// to declare a configured source file as an input. Targets read their parameters through their context instead.
    /// </summary>
    protected string? ParamsValue(string dottedKey)
    {
        if (!ParsedParams.TryGet(dottedKey, out var value) || value is null) return null;
        var section = new Serialization.OrderedMap { [dottedKey] = value };
        return Execution.ParamFlattener.Flatten(section).GetValueOrDefault(dottedKey);
    }

    /// <summary>
    /// The flattened values of a params.yaml section (keys relative to it, as <see cref="ITargetContext.ParamSection"/>
    /// gives them; empty when absent), read while targets are being defined or by targets that read no declared params.
    /// </summary>
    protected IReadOnlyDictionary<string, string> ParamsSection(string section) =>
        ParsedParams.TryGet(section, out var value) ? Execution.ParamFlattener.Flatten(value) : new Dictionary<string, string>();

    /// <summary>
    /// The top-level params.yaml sections this build reads; when not null, a run whose params.yaml has another section
    /// (<c>featurise:</c>) stops before planning, naming it and the closest known one, instead of ignoring a whole group
    /// of settings. Null (the default) checks nothing.
    /// </summary>
    protected internal virtual IReadOnlyCollection<string>? ParamsSectionsRead => null;

    /// <summary>Forgets the params.yaml read by <see cref="ParamsValue"/>, e.g. after a nested run edited it.</summary>
    protected void ResetParamsCache() => ForgetParams();

    /// <summary>See <see cref="ResetParamsCache"/>; the host calls it after writing <c>--set</c> values.</summary>
    internal void ForgetParams() => _params = null;

    /// <summary>
    /// Sets dotted keys in params.yaml as <c>--set</c> does (every other line, comment and order kept; missing keys
    /// appended), written atomically, e.g. by a target that configures the pipeline for a new dataset.
    /// </summary>
    protected void SetParams(IEnumerable<KeyValuePair<string, string>> values)
    {
        var path = Path.Combine(RootDirectory, "params.yaml");
        var text = values.Aggregate(File.Exists(path) ? File.ReadAllText(path) : "", (t, v) => Params.ParamsFile.ApplySet(t, v.Key, v.Value));
        Pipeline.Formats.IO.AtomicFile.WriteAllText(path, text);
        ResetParamsCache();
    }

    /// <summary>
    /// Called after parameters are injected and before params.yaml is edited or anything is planned; a non-null
    /// result ends the invocation with that exit code (e.g. to run the request elsewhere, as an experiment does).
    /// </summary>
    protected internal virtual int? OnStarting(Invocation invocation) => null;

    /// <summary>
    /// The source a run with <c>--pull</c> fetches missing outputs and run-cache entries from (e.g. the DVC remote);
    /// null when the build has none, which makes <c>--pull</c> a usage error. Objects go into <paramref name="cacheRoot"/>.
    /// </summary>
    protected internal virtual Caching.IObjectSource? OpenObjectSource(string cacheRoot) => null;

    /// <summary>
    /// Where the code of targets that must execute runs (e.g. a cluster scheduler chosen by an <c>--executor</c>
    /// parameter); null keeps the default, this process. Called once per run that may execute, after
    /// <see cref="OnStarting"/>; a <see cref="Failures.UsageException"/> (e.g. no remote to return outputs through) ends it.
    /// </summary>
    protected internal virtual Execution.ITargetExecutor? OpenTargetExecutor() => null;

    /// <summary>Called after a run (not after --help or --plan) with every planned target's result; returns the exit code to use.</summary>
    protected internal virtual int OnRunFinished(IReadOnlyList<TargetRunResult> results, int exitCode) => exitCode;

    /// <summary>Runs the build with the process's command line; returns the exit code (0 ok, 1 a target failed, 2 usage or definition error).</summary>
    protected static int Execute<T>(params Expression<Func<T, Target>>[] defaultTargets) where T : PipelineBuild, new()
    {
        var defaults = defaultTargets.Select(e => ((MemberExpression)e.Body).Member.Name).ToArray();
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        // NOTE: the one place the engine touches Console: this is the process's entry point, which hands the streams to
        // the host; everything below writes to the writers it is given.
#pragma warning disable RS0030
        // NOTE: progress rewrites one line only on a real terminal; redirected output (CI logs, tests) gets plain lines.
        var interactive = !Console.IsOutputRedirected && environment.GetValueOrDefault("TERM") is not (null or "" or "dumb");
        var host = new BuildHost(Console.Out, Console.Error, environment, TimeProvider.System, interactive);
#pragma warning restore RS0030
        return host.Run(new T(), Environment.GetCommandLineArgs().Skip(1).ToArray(), defaults);
    }
}
