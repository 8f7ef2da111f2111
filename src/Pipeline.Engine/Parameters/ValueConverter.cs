using System.ComponentModel;
using System.Globalization;
using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Parameters;

/// <summary>Converts parameter strings with .NET type converters (primitives, enums, nullables, arrays).</summary>
internal static class ValueConverter
{
    public static object? Convert(IReadOnlyList<string> values, Type type, string parameterName, string? separator)
    {
        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var items = separator is null ? values : values.SelectMany(v => v.Split(separator, StringSplitOptions.RemoveEmptyEntries)).ToList();
            var array = Array.CreateInstance(element, items.Count);
            for (var i = 0; i < items.Count; i++) array.SetValue(ConvertOne(items[i], element, parameterName), i);
            return array;
        }
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (values.Count == 0)
        {
            return target == typeof(bool) ? true : throw new UsageException($"Parameter {parameterName} needs a value.");
        }
        return ConvertOne(values[^1], target, parameterName);
    }

    private static object? ConvertOne(string value, Type type, string parameterName)
    {
        try
        {
            if (type.IsEnum) return Enum.Parse(type, value.Replace("-", ""), ignoreCase: true);
            return TypeDescriptor.GetConverter(type).ConvertFromString(null, CultureInfo.InvariantCulture, value);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException || e.InnerException is FormatException)
        {
            var hint = type.IsEnum ? $" Allowed: {string.Join(", ", Enum.GetNames(type))}." : "";
            throw new UsageException($"Parameter {parameterName}: '{value}' is not a valid {type.Name}.{hint}");
        }
    }
}
