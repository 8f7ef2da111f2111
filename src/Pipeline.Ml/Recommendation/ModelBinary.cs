namespace Pipeline.Ml.Recommendation;

/// <summary>Length-prefixed arrays in the recommender's model file (little-endian, as <see cref="BinaryWriter"/> writes them).</summary>
internal static class ModelBinary
{
    public static void WriteDoubles(BinaryWriter writer, double[] values)
    {
        writer.Write(values.Length);
        foreach (var v in values) writer.Write(v);
    }

    public static double[] ReadDoubles(BinaryReader reader)
    {
        var values = new double[reader.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = reader.ReadDouble();
        return values;
    }

    public static void WriteFloats(BinaryWriter writer, float[] values)
    {
        writer.Write(values.Length);
        foreach (var v in values) writer.Write(v);
    }

    public static float[] ReadFloats(BinaryReader reader)
    {
        var values = new float[reader.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = reader.ReadSingle();
        return values;
    }

    public static void WriteInts(BinaryWriter writer, int[] values)
    {
        writer.Write(values.Length);
        foreach (var v in values) writer.Write(v);
    }

    public static int[] ReadInts(BinaryReader reader)
    {
        var values = new int[reader.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = reader.ReadInt32();
        return values;
    }

    public static void WriteStrings(BinaryWriter writer, string[] values)
    {
        writer.Write(values.Length);
        foreach (var v in values) writer.Write(v);
    }

    public static string[] ReadStrings(BinaryReader reader)
    {
        var values = new string[reader.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = reader.ReadString();
        return values;
    }
}
