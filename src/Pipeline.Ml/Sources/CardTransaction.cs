namespace Pipeline.Ml.Sources;

/// <summary>One generated row of the <c>transactions</c> table.</summary>
public sealed record CardTransaction(
    long Id,
    string Timestamp,
    double Amount,
    string MerchantCategory,
    int Hour,
    string Country,
    string Device,
    int? AccountAgeDays,
    int TxLast24h,
    int TxLast7d,
    string MerchantDescription,
    bool IsFraud)
{
    /// <summary>
    /// The row as a prediction request's named features: every column but the key (<c>id</c>) and the label
    /// (<c>is_fraud</c>), under the table's column names.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Features() => new Dictionary<string, object?>
    {
        ["ts"] = Timestamp,
        ["amount"] = Amount,
        ["merchant_category"] = MerchantCategory,
        ["hour"] = Hour,
        ["country"] = Country,
        ["device"] = Device,
        ["account_age_days"] = AccountAgeDays,
        ["tx_last_24h"] = TxLast24h,
        ["tx_last_7d"] = TxLast7d,
        ["merchant_description"] = MerchantDescription,
    };
}
