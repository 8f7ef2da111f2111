namespace Pipeline.Ml.Sources;

/// <summary>The categorical domains and word lists of the card-transaction generator, with their weights.</summary>
internal static class MerchantVocabulary
{
    /// <summary>Category, sampling weight, median amount, fraud log-odds offset, merchant nouns.</summary>
    public static readonly (string Name, double Weight, double MedianAmount, double Risk, string[] Nouns)[] Categories =
    [
        ("grocery", 0.20, 38, -0.6, ["grocery", "market", "supermarket", "foods"]),
        ("restaurants", 0.14, 27, -0.3, ["bistro", "diner", "kitchen", "cafe"]),
        ("fuel", 0.10, 45, -0.2, ["fuel", "gas station", "petrol", "service station"]),
        ("online_retail", 0.12, 60, 0.3, ["online shop", "webstore", "marketplace", "outlet"]),
        ("electronics", 0.06, 240, 0.7, ["electronics", "phones", "computers", "gadgets"]),
        ("travel", 0.05, 380, 0.4, ["airlines", "travel agency", "hotel", "car rental"]),
        ("entertainment", 0.07, 35, 0.0, ["cinema", "theatre", "concerts", "arcade"]),
        ("pharmacy", 0.07, 22, -0.5, ["pharmacy", "drugstore", "chemist", "health"]),
        ("clothing", 0.08, 70, 0.0, ["apparel", "fashion", "boutique", "shoes"]),
        ("utilities", 0.05, 95, -0.8, ["energy", "water", "telecom", "internet"]),
        ("gambling", 0.03, 80, 1.1, ["casino", "betting", "poker room", "lottery"]),
        ("digital_goods", 0.03, 25, 1.0, ["app store", "game credits", "streaming", "software"]),
    ];

    /// <summary>Reference countries and weights; NG and RU carry extra fraud risk.</summary>
    public static readonly (string Code, double Weight)[] Countries =
    [
        ("US", 0.62), ("GB", 0.07), ("DE", 0.06), ("CA", 0.06), ("FR", 0.05),
        ("MX", 0.04), ("BR", 0.03), ("IN", 0.03), ("NG", 0.02), ("RU", 0.02),
    ];

    /// <summary>Countries absent from the reference data, used by <see cref="CardTransactionsOptions.NewCountryShare"/>.</summary>
    public static readonly string[] NewCountries = ["VN", "UA", "PH", "KZ"];

    /// <summary>Devices and weights.</summary>
    public static readonly (string Name, double Weight)[] Devices = [("mobile", 0.45), ("web", 0.35), ("pos", 0.20)];

    /// <summary>Neutral words opening a merchant name.</summary>
    public static readonly string[] Adjectives =
        ["golden", "city", "blue", "royal", "green", "corner", "sunny", "metro", "family", "north", "star", "prime"];

    /// <summary>Neutral words closing a merchant name.</summary>
    public static readonly string[] Places = ["downtown", "plaza", "center", "express", "station", "mall", "street", "co"];

    /// <summary>Words typical of risky (cash-out, resale) merchants; they carry the text signal.</summary>
    public static readonly string[] RiskyWords = ["crypto", "giftcard", "voucher", "instant", "prepaid", "wire", "bonus", "topup"];
}
