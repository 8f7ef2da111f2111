using System.Text;

namespace Pipeline.Engine.Execution;

/// <summary>NUKE's boxed end-of-run table: target, status, duration and a <c>// reason</c> note.</summary>
internal static class SummaryTable
{
    public static string Render(IReadOnlyList<TargetResult> results)
    {
        var nameWidth = Math.Max(19, results.Select(r => r.Name.Length + 4).DefaultIfEmpty(0).Max());
        const int statusWidth = 12, durationWidth = 10;
        var width = nameWidth + statusWidth + durationWidth;
        var sb = new StringBuilder();
        sb.AppendLine(new string('═', width));
        sb.AppendLine("Target".PadRight(nameWidth) + "Status".PadRight(statusWidth) + "Duration".PadLeft(durationWidth));
        sb.AppendLine(new string('─', width));
        foreach (var r in results)
        {
            var shows = r.Status is TargetStatus.Executed or TargetStatus.Failed or TargetStatus.Restored;
            var reason = r.Reason == UpToDate.Reason ? "" : r.Reason;
            var note = string.Join(", ", new[] { reason }.Concat(r.Notes.Select(n => $"{n.Key}: {n.Value}")).Where(s => s.Length > 0));
            var row = r.Name.PadRight(nameWidth) + TargetStatusText.ForTable(r).PadRight(statusWidth) + (shows ? Format(r.Duration) : "").PadLeft(durationWidth);
            sb.AppendLine(note.Length > 0 ? $"{row}   // {note}" : row.TrimEnd());
        }
        sb.AppendLine(new string('─', width));
        sb.AppendLine("Total".PadRight(nameWidth + statusWidth) + Format(TimeSpan.FromTicks(results.Sum(r => r.Duration.Ticks))).PadLeft(durationWidth));
        sb.Append(new string('═', width));
        return sb.ToString();
    }

    public static string Format(TimeSpan d) => d < TimeSpan.FromSeconds(1) ? "< 1sec" : $"{(int)d.TotalMinutes}:{d.Seconds:00}";
}
