namespace Pipeline.Engine.Cli;

/// <summary>The engine's own options, with their --help text.</summary>
internal static class BuiltInOptions
{
    public static readonly IReadOnlyList<(string Name, string Description)> All =
    [
        ("--force", "Re-run every target in the plan, even when up to date."),
        ("--plan", "Print the plan and why each target would run or skip; run nothing."),
        ("--pull", "Before executing a target, fetch its missing outputs and run-cache entry from the DVC remote, like `dvc repro --pull`."),
        ("--jobs <n>", "How many independent targets run at once (default: processor count)."),
        ("--set <key=value>", "Write params.yaml values first, like `dvc exp run -S` (repeatable)."),
        ("--skip [targets]", "Skip these targets (bare: everything not invoked, so only the named targets run)."),
        ("--target <A+B>", "Targets to run, as an alternative to naming them first."),
        ("--profile <name>", "Also read .nuke/parameters.<name>.json (later profiles win)."),
        ("--verbosity <level>", "quiet, normal or verbose."),
        ("--root <dir>", "The repository root (default: found from the build assembly's location)."),
        ("--help", "Show this help."),
    ];

    public static IEnumerable<string> Names => All.Select(o => o.Name.Split(' ')[0]);
}
