using System.Globalization;
using Pipeline.Engine;

namespace ReferencePipeline;

/// <summary>Checks the header and that every field parses as a number; a bad row fails the stage naming the line.</summary>
internal static class SchemaCheck
{
    public static void Run(string input, string output, ITargetLog log)
    {
        var lines = File.ReadAllLines(input);
        if (lines.Length == 0 || lines[0] != TransactionSource.Header)
            throw new InvalidDataException($"{input}: expected header '{TransactionSource.Header}'.");
        for (var i = 1; i < lines.Length; i++)
            if (lines[i].Split(',').Any(f => !double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
                throw new InvalidDataException($"{input}:{i + 1}: a field is not a number: '{lines[i]}'.");
        File.WriteAllLines(output, lines);
        log.Information($"{lines.Length - 1} rows valid");
    }
}
