using System.Text;

namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>
/// Bad input through the real CLI: each mistake a person can make is one line saying what, where and the fix, with the
/// summary table, and never a .NET stack trace; data that would be misread is reported as a warning.
/// </summary>
[Collection(ReferenceCollection.Name)]
public sealed class ErrorsForPeopleTests(ReferenceTemplate template) : IDisposable
{
    private const string Csv = "data/external/churn.csv";
    private const string StackFrame = "   at ";

    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Build_BadInputs_OneLineEachWithTheSummaryAndNoStackTrace()
    {
        var unknown = _repo.Run("Trian");
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.Contains("Target 'Trian' not found. Did you mean 'Train'?", unknown.Output);
        Assert.DoesNotContain(StackFrame, unknown.Output);

        WriteBytes(Csv, WithCommaDecimalsAndLatin1(SyntheticCsv.Binary(200, seed: 31).Csv));
        _repo.Write("params.yaml", Params());
        var warned = _repo.Run("Validate");
        Assert.True(warned.ExitCode == 0, warned.ToString());
        Assert.Contains("WRN: column 'customer_note': 2 rows contain invalid UTF-8 in csv file", warned.Output);
        Assert.Contains("WRN: column 'monthly_charge': 5 values are numbers written with a comma (e.g. '", warned.Output);

        File.Delete(_repo.PathOf("data/schema.yaml"));
        _repo.Write("params.yaml", Params().Replace("label: churned", "label: churn", StringComparison.Ordinal));
        var noLabel = _repo.Run("Validate");
        AssertOneLineFailure(noLabel, "Validate", "column 'churn' (data.label in params.yaml) is not in the header. Columns: customer_note, plan, tenure_months, monthly_charge, support_calls, churned. Set data.label to one of them.");

        _repo.Write("params.yaml", Params());
        _repo.Write(Csv, SyntheticCsv.Binary(200, seed: 32).Csv + "\"unterminated note,basic,3,20.00,1,no\n");
        var badCsv = _repo.Run("Validate");
        AssertOneLineFailure(badCsv, "Ingest", "churn.csv:202: a quoted field is not terminated before the end of the file.");

        File.Delete(_repo.PathOf("data/schema.yaml"));
        _repo.Write(Csv, TinyCsv);
        var tiny = _repo.Run("Train");
        AssertOneLineFailure(tiny, "Featurize", "Train needs at least 10 rows of each class of label 'churned' in the training split; got 'no': 4, 'yes': 2 (of 8 validated rows");
        Assert.Equal("not-run", _repo.Statuses()["Train"]);
    }

    /// <summary>Eight rows, three churned: Validate passes; the training split holds 2 'yes' and 4 'no'.</summary>
    private const string TinyCsv = """
        customer_note,plan,tenure_months,monthly_charge,support_calls,churned
        "happy, no issues",basic,12,40.50,1,no
        "late payment, twice",premium,3,90.00,6,yes
        "moved house, new address",standard,30,55.25,0,no
        "called support, asked about refund",basic,2,70.10,5,yes
        "happy, no issues",premium,48,35.00,0,no
        "upgraded, then downgraded",standard,7,60.00,4,yes
        "happy, no issues",basic,24,45.75,1,no
        "late payment, twice",premium,36,38.20,2,no

        """;

    private void AssertOneLineFailure(ProcessResult result, string target, string line)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(_repo.Statuses()[target] == "failed", result.ToString());
        Assert.True(result.Output.Contains(line, StringComparison.Ordinal), $"expected: {line}\n{result}");
        Assert.Contains("═══", result.Output);
        Assert.False(result.Output.Contains(StackFrame, StringComparison.Ordinal), result.ToString());
        Assert.False(result.Output.Contains("Exception", StringComparison.Ordinal), result.ToString());
    }

    private void WriteBytes(string relative, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_repo.PathOf(relative))!);
        File.WriteAllBytes(_repo.PathOf(relative), bytes);
    }

    /// <summary>
    /// The CSV with monthly_charge written with a decimal comma on data lines 1–5 and a Latin-1 'é' (byte 0xE9,
    /// invalid UTF-8) at the start of customer_note on data lines 7 and 9.
    /// </summary>
    private static byte[] WithCommaDecimalsAndLatin1(string csv)
    {
        var lines = csv.TrimEnd('\n').Split('\n');
        for (var i = 1; i <= 5; i++)
        {
            var fields = lines[i].Split(',');
            fields[^3] = $"\"{fields[^3].Replace('.', ',')}\"";
            lines[i] = string.Join(',', fields);
        }
        foreach (var i in new[] { 7, 9 }) lines[i] = "\"\u0001" + lines[i][1..];
        return Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n").Select(b => b == 0x01 ? (byte)0xE9 : b).ToArray();
    }

    private static string Params() => CsvParams.Yaml(Csv, "churned", "binary", keyLine: null, "plan", "  min:\n    auc: 0.6");
}
