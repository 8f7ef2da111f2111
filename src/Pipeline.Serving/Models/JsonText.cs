using System.Text.Json;

namespace Pipeline.Serving.Models;

/// <summary>Reads JSON strings from request bodies, turning text that is not valid Unicode into a rejection naming the field.</summary>
internal static class JsonText
{
    /// <summary>The string value of <paramref name="value"/> (a JSON string), or a 400 naming <paramref name="where"/>.</summary>
    // NOTE: a JSON escape may spell a lone UTF-16 surrogate ("\ud800"); the parser accepts it and GetString throws
    // InvalidOperationException, which would otherwise surface as HTTP 500.
    public static string String(JsonElement value, string where)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw NotUnicode(where);
        }
    }

    /// <summary>The name of <paramref name="property"/>, or a 400 naming <paramref name="where"/>.</summary>
    public static string Name(JsonProperty property, string where)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            throw NotUnicode(where + " (a property name)");
        }
    }

    private static RequestRejectedException NotUnicode(string where) =>
        RequestRejectedException.Invalid($"{where}: the text is not valid Unicode (it holds a lone UTF-16 surrogate such as \\ud800); send well-formed text.");
}
