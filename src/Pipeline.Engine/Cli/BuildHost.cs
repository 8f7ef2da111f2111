using System.Reflection;
using Pipeline.Engine.Definition;
using Pipeline.Engine.Execution;
using Pipeline.Engine.Failures;
using Pipeline.Engine.IO;
using Pipeline.Engine.Parameters;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Cli;

/// <summary>
/// The command-line host: parses arguments, injects parameters, reads the targets, plans, then explains or runs.
/// The one place where failures become exit codes: 0 success, 1 a target failed, 2 usage, definition or repository error.
/// </summary>
internal sealed class BuildHost(TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string> environment, TimeProvider clock, bool interactive = false)
{
    public int Run(PipelineBuild build, IReadOnlyList<string> args, IReadOnlyCollection<string> defaultTargets)
    {
        try
        {
            var line = CommandLine.Parse(args);
            var layout = RootLocator.Locate(line, build.GetType().Assembly);
            build.RootDirectory = layout.Root;
            var members = ParameterMember.Of(build.GetType());
            OptionValidator.Check(line, members);
            new ParameterResolver(line, environment, ParameterFiles(layout.ParametersFile, line), m => stderr.WriteLine("WRN: " + m))
                .Inject(build, members);
            var targetsAsTyped = line.Positionals.Concat(Split(line.Values("target"))).ToList();
            if (!line.Has("help") && build.OnStarting(new Invocation(targetsAsTyped, line.Raw, line.Values("set") ?? [])) is { } intercepted)
                return intercepted;
            // NOTE: --set is written before the targets are read, so definitions that read params.yaml see it.
            if (!line.Has("help") && !line.Has("plan") && ParamsSets.Write(layout, line)) build.ForgetParams();
            if (!line.Has("help")) CheckParamsSections(build);
            var model = BuildModelReader.Read(build, defaultTargets);
            if (line.Has("help")) return Help(model, members, build);

            var targets = targetsAsTyped;
            var session = new RunSession(layout, line, stdout, clock, build, interactive);
            if (targets.Count > 0 && IsTrack(targets[0], model)) return session.Track(targets.Skip(1).ToList());

            var plan = Planner.Create(model.Specs, new PlanRequest(targets, line.Values("skip") is { } skip ? Split(skip) : null));
            if (plan.Targets.Count == 0) return Help(model, members, build);
            CheckRequirements(plan, model);
            if (line.Has("plan"))
            {
                // NOTE: the executor is opened (not used) so that --plan names where targets would run and reports a
                // missing requirement of it (e.g. the Slurm executor's remote) before any run.
                using var planned = build.OpenTargetExecutor();
                return session.Explain(plan, model, planned);
            }
            // NOTE: the source is opened only for a run that may execute; --plan never fetches.
            using var objects = line.Has("pull") ? build.OpenObjectSource(layout.CacheRoot) ?? throw new UsageException(
                "--pull needs a remote to fetch from, and this build provides none (override PipelineBuild.OpenObjectSource).") : null;
            using var executor = build.OpenTargetExecutor();
            var exitCode = session.Execute(plan, model, objects, executor, out var results);
            return build.OnRunFinished(results.Select(r => r.ToRunResult()).ToList(), exitCode);
        }
        catch (PipelineException e)
        {
            stderr.WriteLine(e.Message);
            return e.ExitCode;
        }
        catch (Exception e) when (IoFailure.IsDiskOrPermission(e))
        {
            // NOTE: a full disk or a read-only workspace outside any target is the machine's state, not a bug: one line.
            stderr.WriteLine($"The run stopped: {IoFailure.Explain(e)}. Free space or fix permissions there, then run again.");
            return 2;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // NOTE: a failure outside any target (e.g. in a build's OnStarting/OnRunFinished hook) is a failed run, not a crash.
            stderr.WriteLine($"The run failed outside any target: {e}");
            return 1;
        }
    }

    private int Help(BuildModel model, IReadOnlyList<ParameterMember> members, PipelineBuild build)
    {
        stdout.Write(HelpText.Render(model.Specs, members, build));
        return 0;
    }

    private static bool IsTrack(string name, BuildModel model) =>
        name.Equals("Track", StringComparison.OrdinalIgnoreCase) && !model.Specs.Any(s => s.Name.Equals("Track", StringComparison.OrdinalIgnoreCase));

    private static void CheckRequirements(Plan plan, BuildModel model)
    {
        var unmet = plan.Targets.Where(t => t.SkipReason is null)
            .SelectMany(t => model.Behaviors[t.Name].Requires.Where(r => !r.Evaluate()).Select(r => $"{t.Name} requires {r.Text}"))
            .ToList();
        if (unmet.Count > 0)
            throw new UsageException("Requirements not met (nothing was run):\n  " + string.Join("\n  ", unmet) + "\nSet the missing parameters (see ./build.sh --help).");
    }

    private static List<string> Split(IReadOnlyList<string>? values) =>
        (values ?? []).SelectMany(v => v.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static List<string> ParameterFiles(string defaults, CommandLine line) =>
        [defaults, .. Split(line.Values("profile")).Select(p => Path.Combine(Path.GetDirectoryName(defaults)!, $"parameters.{p}.json"))];

    /// <summary>See <see cref="PipelineBuild.ParamsSectionsRead"/>: a section the build does not read ends the run in one line.</summary>
    private static void CheckParamsSections(PipelineBuild build)
    {
        if (build.ParamsSectionsRead is not { } known) return;
        try
        {
            // NOTE: the build's parsed copy, which its definitions and the run then read: params.yaml is parsed once.
            Pipeline.Formats.Params.ParamSection.CheckSections(build.ParsedParams.Root.Keys, known);
        }
        catch (Pipeline.Formats.Params.ParamException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
