using Pipeline.Formats.Columns;
using Pipeline.Ml.Data;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Tests.Validation;

public sealed class KeyHashesTests
{
    [Fact]
    public void Hash_KnownVectors_MatchFnv1a64OfUtf16LittleEndian()
    {
        // NOTE: FNV-1a 64 of the bytes "a\0" and of no bytes (the offset basis).
        Assert.Equal(14695981039346656037UL, KeyHashes.Hash(""));
        Assert.Equal(0x089be207b544f1e4UL, KeyHashes.Hash("a"));
    }

    [Fact]
    public void Repeated_SomeKeysTwice_ReturnsOnlyTheirHashes()
    {
        var keys = new KeyHashes();
        foreach (var key in new[] { "1", "2", "3", "2", null, null, "3", "3" }) keys.Add(key);

        var repeated = keys.Repeated();

        Assert.Equal(new[] { KeyHashes.Hash("2"), KeyHashes.Hash("3") }.Order(), repeated.Order());
    }

    [Fact]
    public void Check_RepeatedHashButDistinctKeys_ReportsNoDuplicate()
    {
        const string csv = "id,x,label\n";
        var schema = new DatasetSchema([new ColumnSchema("id", ColumnKind.Categorical), new ColumnSchema("x", ColumnKind.Numeric), new ColumnSchema("label", ColumnKind.Categorical)], "label", MlTask.Binary)
        {
            Key = "id",
            LabelClasses = ["0", "1"],
        };
        var header = SnapshotHeader.Parse("t.csv", csv.TrimEnd().Split(','));
        // NOTE: every key is a hash candidate, as if all of them collided; only string equality may report a duplicate.
        var all = new HashSet<ulong> { KeyHashes.Hash("a"), KeyHashes.Hash("b") };
        var checker = new RowChecker(schema, header, new ValidationOptions
        {
            SnapshotPath = "t.csv", SchemaPath = "s.yaml", ValidatedPath = "v.csv", QuarantinePath = "q.csv",
            ReportJsonPath = "r.json", ReportTextPath = "r.txt", Label = "label", Task = MlTask.Binary,
        }, all);

        var first = checker.Check(["a", "1", "0"]);
        var second = checker.Check(["b", "2", "1"]);
        var third = checker.Check(["a", "3", "1"]);

        Assert.Empty(first);
        Assert.Empty(second);
        Assert.Equal(ValidationCheck.DuplicateKey, Assert.Single(third).Check);
    }
}
