import Mining

/// The FIMI repository's transaction format (Goethals & Zaki, FIMI'03): one transaction per
/// line, its item ids ascending and space-separated; an empty transaction is an empty line.
public enum FIMIText {
    /// The text of the given transactions (all when `transactions` is nil).
    public static func text(of database: TransactionDatabase, transactions: [Int]? = nil) -> String {
        var out = ""
        for t in transactions ?? Array(0..<database.count) {
            var first = true
            for item in database.items(ofTransaction: t) {
                if !first { out += " " }
                out += String(item)
                first = false
            }
            out += "\n"
        }
        return out
    }
}
