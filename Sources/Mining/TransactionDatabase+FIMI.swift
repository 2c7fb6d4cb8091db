import FileSupport

/// The FIMI / SPMF transaction format (Goethals & Zaki, FIMI'03): one transaction per line,
/// item ids as non-negative decimal integers separated by spaces (tabs are accepted too).
/// A blank line is an empty transaction; the newline after the last line is optional and
/// does not start another transaction. A repeated id within a line counts once.
extension TransactionDatabase {
    /// Largest item id accepted when the item count is not given: a bit row holds every id
    /// up to the largest, so a stray huge number would otherwise exhaust memory.
    public static let maxFIMIItemId = 1 << 20

    /// Parses FIMI text. Items are `0..<itemCount`; without `itemCount` it is the largest id
    /// plus one. Throws an `InputError` naming `file`, line and column for a token that is not
    /// a non-negative integer or an id `≥ itemCount`.
    public init(fimiText text: String, file: String? = nil, itemCount: Int? = nil) throws {
        var transactions: [[Int]] = []
        var largest = -1
        var line = 1
        var current: [Int] = []
        var utf8 = text.utf8[...]
        var lineStart = utf8.startIndex
        func fail(_ tokenStart: String.UTF8View.Index, _ message: String) -> InputError {
            // Columns count characters (not bytes) from 1.
            let column = String(text.utf8[lineStart..<tokenStart])!.count + 1
            return InputError(file: file, line: line, column: column, message)
        }
        while let byte = utf8.first {
            switch byte {
            case UInt8(ascii: "\n"):
                transactions.append(current)
                current.removeAll(keepingCapacity: true)
                utf8 = utf8.dropFirst()
                line += 1
                lineStart = utf8.startIndex
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                utf8 = utf8.dropFirst()
            default:
                let start = utf8.startIndex
                let end = utf8.firstIndex { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t")
                    || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") } ?? utf8.endIndex
                let token = utf8[start..<end]
                var value = 0
                var valid = true
                for digit in token {
                    guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { valid = false; break }
                    let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times10.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
                    guard !o1, !o2 else { throw fail(start, "item id '\(String(token)!)' is too large") }
                    value = sum
                }
                if !valid {
                    let tokenText = String(decoding: token, as: UTF8.self)
                    if tokenText.hasPrefix("-"), Int(tokenText) != nil {
                        throw fail(start, "negative item id \(tokenText): item ids are non-negative integers")
                    }
                    throw fail(start, "expected an item id (a non-negative integer), found '\(tokenText)'")
                }
                if let itemCount, value >= itemCount {
                    throw fail(start, "item id \(value) is outside 0..<\(itemCount) (the item count)")
                }
                if itemCount == nil, value > Self.maxFIMIItemId {
                    throw fail(start, "item id \(value) is larger than \(Self.maxFIMIItemId), the largest accepted")
                }
                largest = max(largest, value)
                current.append(value)
                utf8 = utf8[end...]
            }
        }
        // A last line without a newline is still a transaction.
        if lineStart != text.utf8.endIndex { transactions.append(current) }
        try self.init(itemCount: itemCount ?? largest + 1, transactions: transactions)
    }

    /// Reads a FIMI file (see `init(fimiText:file:itemCount:)`).
    public static func readFIMI(path: String, itemCount: Int? = nil) throws -> TransactionDatabase {
        try TransactionDatabase(fimiText: TextFile.read(path), file: path, itemCount: itemCount)
    }

    /// The database in FIMI format: each transaction's items ascending, one line each.
    public var fimiText: String {
        var out = ""
        for t in 0..<count {
            var first = true
            for item in items(ofTransaction: t) {
                if !first { out += " " }
                out += String(item)
                first = false
            }
            out += "\n"
        }
        return out
    }

    /// Writes the database as a FIMI file (atomically).
    public func writeFIMI(to path: String) throws {
        try TextFile.writeAtomically(fimiText, to: path)
    }
}
