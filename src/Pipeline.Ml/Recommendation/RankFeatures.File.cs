namespace Pipeline.Ml.Recommendation;

/// <summary><see cref="RankFeatures"/> in the re-ranker's part of the model file.</summary>
internal sealed partial class RankFeatures
{
    public void Write(BinaryWriter writer)
    {
        ModelBinary.WriteFloats(writer, itemPopularity);
        ModelBinary.WriteFloats(writer, itemMean);
        writer.Write(itemNumeric.Length);
        foreach (var c in itemNumeric) ModelBinary.WriteFloats(writer, c);
        writer.Write(itemTokens.Length);
        for (var c = 0; c < itemTokens.Length; c++)
        {
            writer.Write(itemTokenCounts[c]);
            writer.Write(itemTokens[c].Length);
            foreach (var t in itemTokens[c]) ModelBinary.WriteInts(writer, t);
        }

        writer.Write(userNumeric.Length);
        foreach (var c in userNumeric) ModelBinary.WriteFloats(writer, c);
        writer.Write(userTokens.Length);
        for (var c = 0; c < userTokens.Length; c++)
        {
            writer.Write(userTokenCounts[c]);
            ModelBinary.WriteInts(writer, userTokens[c]);
            ModelBinary.WriteFloats(writer, itemShareOfUserToken[c]);
        }
    }

    public static RankFeatures Read(BinaryReader reader)
    {
        var popularity = ModelBinary.ReadFloats(reader);
        var mean = ModelBinary.ReadFloats(reader);
        var itemNumeric = Repeat(reader, () => ModelBinary.ReadFloats(reader));
        var itemTokenCounts = new List<int>();
        var itemTokens = Repeat(reader, () =>
        {
            itemTokenCounts.Add(reader.ReadInt32());
            return Repeat(reader, () => ModelBinary.ReadInts(reader));
        });
        var userNumeric = Repeat(reader, () => ModelBinary.ReadFloats(reader));
        var userTokenCounts = new List<int>();
        var shares = new List<float[]>();
        var userTokens = Repeat(reader, () =>
        {
            userTokenCounts.Add(reader.ReadInt32());
            var tokens = ModelBinary.ReadInts(reader);
            shares.Add(ModelBinary.ReadFloats(reader));
            return tokens;
        });
        return new RankFeatures(popularity, mean, itemNumeric, itemTokens, [.. itemTokenCounts], userNumeric, userTokens, [.. userTokenCounts], [.. shares]);
    }

    private static T[] Repeat<T>(BinaryReader reader, Func<T> read)
    {
        var result = new T[reader.ReadInt32()];
        for (var i = 0; i < result.Length; i++) result[i] = read();
        return result;
    }
}
