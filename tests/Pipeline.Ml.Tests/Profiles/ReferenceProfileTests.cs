using Pipeline.Ml.Data;
using Pipeline.Ml.Profiles;
using Pipeline.Ml.Tests.Validation;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Tests.Profiles;

public sealed class ReferenceProfileTests
{
    [Fact]
    public void Build_SmallKnownDataset_WritesExpectedJson()
    {
        using var dir = new TestDirectory();
        var csv = dir.Write("train.csv", "x,c,t,y\n1,a,hello world and more words here,1\n2,a,,0\n,b,hi there you all are welcome,0\n5,a,a b,1\n");
        var schema = SchemaInference.Infer(csv, "y", MlTask.Binary);

        var profile = ReferenceProfile.Build(csv, schema);
        profile.Save(dir.Path("profile.json"));
        var json = File.ReadAllText(dir.Path("profile.json"));

        Assert.Equal(ColumnKind.Text, schema.Column("t").Kind);
        Assert.Equal(Expected, json);
        Assert.Equal(json, ReferenceProfile.Load(dir.Path("profile.json")).ToJson());
    }

    // NOTE: x = 1, 2, 5 (one missing); t lengths 31, 3, 28 (one missing); quantiles interpolate linearly.
    private const string Expected = """
        {
          "row_count": 4,
          "columns": [
            {
              "name": "x",
              "kind": "numeric",
              "count": 4,
              "null_rate": 0.25,
              "numeric": {
                "mean": 2.6666666666666665,
                "std": 1.699673171197595,
                "min": 1,
                "max": 5,
                "quantiles": [
                  {
                    "p": 0.01,
                    "value": 1.02
                  },
                  {
                    "p": 0.1,
                    "value": 1.2
                  },
                  {
                    "p": 0.2,
                    "value": 1.4
                  },
                  {
                    "p": 0.3,
                    "value": 1.6
                  },
                  {
                    "p": 0.4,
                    "value": 1.8
                  },
                  {
                    "p": 0.5,
                    "value": 2
                  },
                  {
                    "p": 0.6,
                    "value": 2.5999999999999996
                  },
                  {
                    "p": 0.7,
                    "value": 3.1999999999999997
                  },
                  {
                    "p": 0.8,
                    "value": 3.8000000000000003
                  },
                  {
                    "p": 0.9,
                    "value": 4.4
                  },
                  {
                    "p": 0.99,
                    "value": 4.9399999999999995
                  }
                ],
                "histogram": {
                  "edges": [
                    1,
                    1.2,
                    1.4,
                    1.6,
                    1.8,
                    2,
                    2.2,
                    2.4000000000000004,
                    2.6,
                    2.8,
                    3,
                    3.2,
                    3.4000000000000004,
                    3.6,
                    3.8000000000000003,
                    4,
                    4.2,
                    4.4,
                    4.6,
                    4.800000000000001,
                    5
                  ],
                  "counts": [
                    1,
                    0,
                    0,
                    0,
                    0,
                    1,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    1
                  ]
                }
              }
            },
            {
              "name": "c",
              "kind": "categorical",
              "count": 4,
              "null_rate": 0,
              "categorical": {
                "top": [
                  {
                    "value": "a",
                    "count": 3,
                    "share": 0.75
                  },
                  {
                    "value": "b",
                    "count": 1,
                    "share": 0.25
                  }
                ],
                "other_count": 0,
                "other_share": 0,
                "distinct": 2
              }
            },
            {
              "name": "t",
              "kind": "text",
              "count": 4,
              "null_rate": 0.25,
              "text": {
                "mean_length": 20.666666666666668,
                "length_quantiles": [
                  {
                    "p": 0.01,
                    "value": 3.5
                  },
                  {
                    "p": 0.1,
                    "value": 8
                  },
                  {
                    "p": 0.2,
                    "value": 13
                  },
                  {
                    "p": 0.3,
                    "value": 18
                  },
                  {
                    "p": 0.4,
                    "value": 23
                  },
                  {
                    "p": 0.5,
                    "value": 28
                  },
                  {
                    "p": 0.6,
                    "value": 28.6
                  },
                  {
                    "p": 0.7,
                    "value": 29.2
                  },
                  {
                    "p": 0.8,
                    "value": 29.8
                  },
                  {
                    "p": 0.9,
                    "value": 30.4
                  },
                  {
                    "p": 0.99,
                    "value": 30.94
                  }
                ]
              }
            },
            {
              "name": "y",
              "kind": "categorical",
              "count": 4,
              "null_rate": 0,
              "categorical": {
                "top": [
                  {
                    "value": "0",
                    "count": 2,
                    "share": 0.5
                  },
                  {
                    "value": "1",
                    "count": 2,
                    "share": 0.5
                  }
                ],
                "other_count": 0,
                "other_share": 0,
                "distinct": 2
              }
            }
          ]
        }

        """;
}
