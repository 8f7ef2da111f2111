namespace Pipeline.Ml.Recommendation;

/// <summary>
/// The rating predictor behind <c>rmse</c> and <c>mae</c> (explicit ratings only): global mean plus regularised item
/// and user biases (damping <see cref="Damping"/>), clipped to the training ratings' range. The top-N models rank; they
/// are not fitted to rating error.
/// </summary>
internal sealed record RatingBaseline(double Mean, double[] UserBias, double[] ItemBias, double Min, double Max)
{
    public const double Damping = 10;

    public static RatingBaseline Fit(InteractionMatrix matrix)
    {
        var all = matrix.UserValues.SelectMany(v => v).ToArray();
        var mean = all.Average();
        var item = new double[matrix.Items.Length];
        for (var i = 0; i < item.Length; i++) item[i] = matrix.ItemValues[i].Sum(r => r - mean) / (Damping + matrix.ItemValues[i].Length);
        var user = new double[matrix.Users.Length];
        for (var u = 0; u < user.Length; u++)
        {
            double sum = 0;
            for (var n = 0; n < matrix.UserItems[u].Length; n++) sum += matrix.UserValues[u][n] - mean - item[matrix.UserItems[u][n]];
            user[u] = sum / (Damping + matrix.UserItems[u].Length);
        }

        return new RatingBaseline(mean, user, item, all.Min(), all.Max());
    }

    /// <summary>The predicted rating; -1 for an unknown user or item (its bias is 0).</summary>
    public double Predict(int user, int item) =>
        Math.Clamp(Mean + (user >= 0 ? UserBias[user] : 0) + (item >= 0 ? ItemBias[item] : 0), Min, Max);

    public void Write(BinaryWriter writer)
    {
        writer.Write(Mean);
        writer.Write(Min);
        writer.Write(Max);
        ModelBinary.WriteDoubles(writer, UserBias);
        ModelBinary.WriteDoubles(writer, ItemBias);
    }

    public static RatingBaseline Read(BinaryReader reader)
    {
        var mean = reader.ReadDouble();
        var min = reader.ReadDouble();
        var max = reader.ReadDouble();
        return new RatingBaseline(mean, ModelBinary.ReadDoubles(reader), ModelBinary.ReadDoubles(reader), min, max);
    }
}
