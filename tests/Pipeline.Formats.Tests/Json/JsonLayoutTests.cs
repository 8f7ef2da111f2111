using System.Text;
using Pipeline.Formats.Json;

namespace Pipeline.Formats.Tests.Json;

public sealed class JsonLayoutTests
{
    [Fact]
    public void Bytes_Document_TwoSpaceIndentLfFinalNewlineAndNullForNonFinite()
    {
        var bytes = JsonLayout.Bytes(json =>
        {
            json.WriteStartObject();
            JsonLayout.Number(json, "auc", 0.5);
            JsonLayout.Number(json, "nan", double.NaN);
            JsonLayout.Number(json, "absent", null);
            json.WriteStartArray("tags");
            json.WriteStringValue("é");
            json.WriteEndArray();
            json.WriteEndObject();
        });

        const string expected = "{\n  \"auc\": 0.5,\n  \"nan\": null,\n  \"absent\": null,\n  \"tags\": [\n    \"\\u00E9\"\n  ]\n}\n";
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes));
        Assert.NotEqual(0xEF, bytes[0]);
    }

    [Fact]
    public void Text_SameWriter_EqualsTheBytesAsUtf8()
    {
        static void Write(System.Text.Json.Utf8JsonWriter json)
        {
            json.WriteStartObject();
            json.WriteString("model", "fraud");
            json.WriteEndObject();
        }

        Assert.Equal(Encoding.UTF8.GetString(JsonLayout.Bytes(Write)), JsonLayout.Text(Write));
    }
}
