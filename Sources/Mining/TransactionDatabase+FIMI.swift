import FileSupport

/// The FIMI / SPMF transaction format (Goethals & Zaki, FIMI'03): one transaction per line,
/// item ids as non-negative decimal integers separated by spaces (tabs are accepted too).
/// A blank line is an empty transaction; the newline after the last line is optional and
/// does not start another transaction. A repeated id within a line counts once.
extension TransactionDatabase {
    /// Largest item id accepted when the item count is not given: a bit row holds every id
    /// up to the largest, so a stray huge number would otherwise exhaust memory.
    public static let maxFIMIItemId = 1 << 20

    /// The most memory the bit rows of a FIMI file may take, in bytes: 1 GiB, or 64 times the
    /// file's size if that is more (every transaction is a row of `⌈items/64⌉` words, so a small
    /// file of many lines and one large id would otherwise ask for gigabytes).
    public static func bitRowBudget(inputBytes: Int) -> Int {
        max(1 << 30, inputBytes.multipliedReportingOverflow(by: 64).overflow ? .max : inputBytes * 64)
    }

    /// Parses FIMI text. Items are `0..<itemCount`; without `itemCount` it is the largest id
    /// plus one. Throws an `InputError` naming `file`, line and column for a token that is not
    /// a non-negative integer or an id `≥ itemCount`, and naming `file` when the bit rows would
    /// exceed `bitRowBudget` (see `renumberedFIMI` for files with sparse ids).
    public init(fimiText text: String, file: String? = nil, itemCount: Int? = nil) throws {
        let (transactions, largest) = try Self.fimiItemLists(text, file: file, itemCount: itemCount)
        let count = itemCount ?? largest + 1
        try Self.checkBitRows(transactions: transactions.count, itemCount: count, inputBytes: text.utf8.count, file: file,
                              hint: itemCount == nil ? "" : " (the item count \(count) comes from the layer widths: check them)")
        try self.init(itemCount: count, transactions: transactions)
    }

    /// A FIMI file read with its item ids renumbered `0, 1, …` in increasing order, so the bit
    /// rows take one bit per id that occurs rather than per id up to the largest. Mining the
    /// renumbered database and mapping each item `i` back to `ids[i]` gives the same itemsets
    /// in the same order (the renumbering keeps the order of ids).
    public struct RenumberedFIMI: Sendable {
        public var database: TransactionDatabase
        /// The id in the file of each item; nil when the ids are already `0..<idCount`.
        public var ids: [Int]?
        /// The largest id in the file plus one (what the item count would be without renumbering).
        public var idCount: Int
    }

    /// Parses FIMI text with its ids renumbered (see `RenumberedFIMI`); the same errors as
    /// `init(fimiText:file:itemCount:)` without an item count.
    public static func renumberedFIMI(_ text: String, file: String? = nil) throws -> RenumberedFIMI {
        var (transactions, largest) = try fimiItemLists(text, file: file, itemCount: nil)
        var seen = [Bool](repeating: false, count: largest + 1)
        for t in transactions { for i in t { seen[i] = true } }
        let ids = seen.indices.filter { seen[$0] }
        var renumbered: [Int]? = nil
        if ids.count < largest + 1 {
            var index = [Int](repeating: -1, count: largest + 1)
            for (k, id) in ids.enumerated() { index[id] = k }
            for t in transactions.indices { transactions[t] = transactions[t].map { index[$0] } }
            renumbered = ids
        }
        try checkBitRows(transactions: transactions.count, itemCount: ids.count, inputBytes: text.utf8.count, file: file, hint: "")
        let database = try TransactionDatabase(itemCount: ids.count, transactions: transactions)
        return RenumberedFIMI(database: database, ids: renumbered, idCount: largest + 1)
    }

    /// Reads a FIMI file with its ids renumbered (see `renumberedFIMI`).
    public static func readRenumberedFIMI(path: String) throws -> RenumberedFIMI {
        try renumberedFIMI(TextFile.read(path), file: path)
    }

    /// Refuses bit rows larger than `bitRowBudget(inputBytes:)`, before allocating them.
    static func checkBitRows(transactions: Int, itemCount: Int, inputBytes: Int, file: String?, hint: String) throws {
        let words = Swift.max(1, itemCount / 64 + (itemCount % 64 == 0 ? 0 : 1))
        let (product, overflow) = transactions.multipliedReportingOverflow(by: words)
        let budget = bitRowBudget(inputBytes: inputBytes)
        guard overflow || product > budget / 8 else { return }
        let gib = overflow ? "more than 2^63 bytes" : Format.fixed(Double(product) * 8 / Double(1 << 30), 1) + " GiB"
        throw InputError(file: file, "\(transactions) transactions over \(itemCount) items need \(gib) of bit rows, more than the \(Format.fixed(Double(budget) / Double(1 << 30), 1)) GiB allowed for a file of \(inputBytes) bytes\(hint)")
    }

    /// The item lists of FIMI text and its largest id (-1 when there is none).
    static func fimiItemLists(_ text: String, file: String?, itemCount: Int?) throws -> (transactions: [[Int]], largest: Int) {
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
                    guard !o1, !o2 else { throw fail(start, "item id '\(InputError.excerpt(String(decoding: token, as: UTF8.self)))' is too large") }
                    value = sum
                }
                if !valid {
                    let tokenText = String(decoding: token, as: UTF8.self)
                    if tokenText.hasPrefix("-"), Int(tokenText) != nil {
                        throw fail(start, "negative item id \(tokenText): item ids are non-negative integers")
                    }
                    throw fail(start, "expected an item id (a non-negative integer), found '\(InputError.excerpt(tokenText))'")
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
        return (transactions, largest)
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
