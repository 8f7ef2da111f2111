namespace Pipeline.Ml.Sources;

/// <summary>One generated row of the <c>transactions</c> table.</summary>
internal sealed record CardTransaction(
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
    bool IsFraud);
