using Pipeline.Engine.Execution;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Execution;

public sealed class TargetContextTests : IDisposable
{
    private readonly TempRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    private TargetContext Context(TargetSpec spec) => new(spec, _repo.Services(), [], new Dictionary<string, string>(), CancellationToken.None);

    [Fact]
    public void Output_Undeclared_ThrowsListingDeclared()
    {
        var context = Context(new TargetSpec("Train") { Outputs = ["models/model.zip"], Metrics = ["metrics.json"] });

        var e = Assert.Throws<InvalidOperationException>(() => context.Output("models/other.zip"));

        Assert.Equal(
            "Train writes 'models/other.zip', which it does not declare. Add it to .Outputs(...), .Metrics(...) or .Plots(...). Declared: models/model.zip, metrics.json.",
            e.Message);
    }

    [Fact]
    public void Output_InsideDeclaredDirectory_StagedUnderTargetFolder()
    {
        var context = Context(new TargetSpec("Train") { Plots = ["./plots/"] });

        var staged = context.Output("plots/roc.png");

        Assert.Equal(Path.Combine(_repo.Layout.StagingDirectory, "Train", "plots/roc.png"), staged);
        Assert.True(Directory.Exists(Path.GetDirectoryName(staged)));
    }

    [Fact]
    public void Param_Undeclared_ThrowsTellingToAddParams()
    {
        _repo.Write("params.yaml", "train:\n  lr: 0.1\neval:\n  k: 3\n");
        var context = Context(new TargetSpec("Train") { Params = ["eval"] });

        var e = Assert.Throws<InvalidOperationException>(() => context.Param<double>("train.lr"));

        Assert.Equal("Train reads param 'train.lr' without declaring it, so a change would not re-run it. Add .Params(\"train.lr\") (or its section).", e.Message);
    }

    [Fact]
    public void Param_DeclaredSection_ConvertsValue()
    {
        _repo.Write("params.yaml", "train:\n  lr: 0.1\n  epochs: 3\n");
        var context = Context(new TargetSpec("Train") { Params = ["train"] });

        Assert.Equal(0.1, context.Param<double>("train.lr"));
        Assert.Equal(3, context.Param<int>("train.epochs"));
        Assert.Equal("3", context.Param<string>("train.epochs"));
    }

    [Fact]
    public void ParamSection_NestedValues_FlattenedToDottedStrings()
    {
        _repo.Write("params.yaml", "gate:\n  min:\n    auc: 0.85\n  retries: 2\n  trainers: [lightgbm, sdca]\n  note: null\n  strict: true\n");
        var context = Context(new TargetSpec("Deploy") { Params = ["gate"] });

        var flat = context.ParamSection("gate");

        Assert.Equal("0.85", flat["min.auc"]);
        Assert.Equal("2", flat["retries"]);
        Assert.Equal("lightgbm,sdca", flat["trainers"]);
        Assert.Equal("", flat["note"]);
        Assert.Equal("true", flat["strict"]);
    }

    [Fact]
    public void ParamSection_Undeclared_Throws()
    {
        var context = Context(new TargetSpec("Deploy") { Params = ["gate"] });
        Assert.Throws<InvalidOperationException>(() => context.ParamSection("train"));
    }

    [Fact]
    public void Param_DeclaredButMissing_ThrowsKeyNotFound()
    {
        var context = Context(new TargetSpec("Train") { Params = ["train.lr"] });

        var e = Assert.Throws<KeyNotFoundException>(() => context.Param<double>("train.lr"));

        Assert.Equal("params.yaml has no key 'train.lr' (read by Train).", e.Message);
    }

    [Fact]
    public void Param_WrongType_ThrowsNamingValue()
    {
        _repo.Write("params.yaml", "train:\n  name: fast\n");
        var context = Context(new TargetSpec("Train") { Params = ["train"] });

        var e = Assert.Throws<InvalidCastException>(() => context.Param<int>("train.name"));

        Assert.Equal("params.yaml key 'train.name' holds fast, which is not a Int32.", e.Message);
    }

    [Fact]
    public void Input_ParentRelative_ThrowsInsteadOfReadingTheRepositorysOwnFile()
    {
        var context = Context(new TargetSpec("Train") { Inputs = ["data/x.csv"] });

        var e = Assert.Throws<FormatException>(() => context.Input("../x.csv"));

        Assert.Contains("outside the repository", e.Message);
    }

    [Fact]
    public void Output_DotDirectory_StagedWithTheDot()
    {
        var context = Context(new TargetSpec("Publish") { Outputs = [".github/badge.svg"] });

        Assert.Equal(Path.Combine(_repo.Layout.StagingDirectory, "Publish", ".github/badge.svg"), context.Output(".github/badge.svg"));
    }
}
