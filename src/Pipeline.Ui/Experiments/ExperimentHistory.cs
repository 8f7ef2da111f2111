using LibGit2Sharp;
using Pipeline.Git;
using Pipeline.Git.Experiments;

namespace Pipeline.Ui.Experiments;

/// <summary>The rows the Experiments and Compare pages show, and how many commits they span.</summary>
internal sealed record ExperimentHistoryTable(ExperimentTable Table, int Commits);

/// <summary>
/// The workspace, then HEAD and its first-parent ancestors (up to <see cref="MaxCommits"/> commits), each followed by its
/// <c>refs/exps</c> experiments: <see cref="ExperimentList"/> per commit, the table <c>./build.sh Experiments</c> shows for
/// one. A name an earlier row already has (experiments of two commits may share one) is shown as <c>name@sha7</c> of its
/// commit, so a name picks one row on the Compare page.
/// </summary>
internal static class ExperimentHistory
{
    /// <summary>How many commits of the history the pages show, HEAD included.</summary>
    public const int MaxCommits = 10;

    public static ExperimentHistoryTable Read(string root)
    {
        var head = ExperimentList.Read(root);
        var rows = head.Rows.ToList();
        var names = rows.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var commits = 1;
        foreach (var sha in Ancestors(root))
        {
            commits++;
            foreach (var row in ExperimentList.Read(root, sha).Rows.Skip(1))
            {
                var unique = names.Add(row.Name) ? row : row with { Name = $"{row.Name}@{sha[..7]}" };
                names.Add(unique.Name);
                rows.Add(unique);
            }
        }
        return new ExperimentHistoryTable(new ExperimentTable(rows), commits);
    }

    /// <summary>HEAD's first parent, its first parent, …: at most <see cref="MaxCommits"/> - 1, fewer where the history (or a shallow clone) ends.</summary>
    private static List<string> Ancestors(string root)
    {
        using var repo = GitRepositoryLocator.Open(root);
        var found = new List<string>();
        try
        {
            for (var commit = repo.Head.Tip?.Parents.FirstOrDefault(); commit is not null && found.Count < MaxCommits - 1; commit = commit.Parents.FirstOrDefault())
                found.Add(commit.Sha);
        }
        catch (LibGit2SharpException)
        {
            // NOTE: a shallow clone's history ends at a commit whose parents are not here; the pages show what there is.
        }
        return found;
    }
}
