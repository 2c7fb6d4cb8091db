import FileSupport
import Foundation

/// `backbones mine`: one FIMI file mined for one query, with an itemset limit (dense data can
/// have billions of frequent itemsets) and optional repeats for timing.
public struct MiningJob: Sendable {
    /// Which miner runs the query.
    public enum Miner: String, Sendable, CaseIterable {
        /// Vertical bitsets (fast).
        case bitset
        /// Every subset of the items (the reference; at most 20 items).
        case bruteForce = "brute-force"

        var miner: any ItemsetMiner { self == .bitset ? BitsetMiner() : BruteForceMiner() }
    }

    public struct Result {
        public var transactions: Int
        public var items: Int
        public var resolved: ResolvedMiningQuery
        /// Sorted, as written.
        public var itemsets: ItemsetCollector
        /// Seconds of each run (the first is the one reported; several with `repeats`).
        public var times: [Double]
    }

    public var file: String
    public var query: MiningQuery
    public var itemCount: Int?
    public var miner: Miner
    /// Fail after this many itemsets (0: no limit).
    public var limit: Int
    /// Mine up to this many times, stopping once the runs took 1 s together.
    public var repeats: Int
    /// Called every few seconds of a long run with the itemsets found and the seconds so far.
    public var progress: (@Sendable (Int, Double) -> Void)?

    public init(file: String, query: MiningQuery, itemCount: Int?, miner: Miner = .bitset, limit: Int = 5_000_000,
                repeats: Int = 1, progress: (@Sendable (Int, Double) -> Void)? = nil) {
        self.file = file
        self.query = query
        self.itemCount = itemCount
        self.miner = miner
        self.limit = limit
        self.repeats = repeats
        self.progress = progress
    }

    /// Without an item count (and so without a layer filter) the file's ids are renumbered
    /// densely before mining and mapped back after (`TransactionDatabase.RenumberedFIMI`): the
    /// same itemsets, in the same order, with memory for the ids that occur rather than for
    /// every id up to the largest. `items` in the result stays the largest id plus one.
    public func run() throws -> Result {
        let database: TransactionDatabase
        var ids: [Int]? = nil
        let items: Int
        if itemCount == nil && query.layerComplete == nil {
            let read = try TransactionDatabase.readRenumberedFIMI(path: file)
            (database, ids, items) = (read.database, read.ids, read.idCount)
        } else {
            database = try TransactionDatabase.readFIMI(path: file, itemCount: itemCount)
            items = database.itemCount
        }
        let resolved = try query.resolved(for: database)
        var itemsets = ItemsetCollector(itemCount: 0)
        var times: [Double] = []
        while times.count < max(1, repeats) && (times.isEmpty || times.reduce(0, +) < 1) {
            itemsets = ItemsetCollector(itemCount: 0)  // free the previous run's result first
            let start = ContinuousClock.now
            itemsets = try mineOnce(database, resolved, ids: ids, itemCount: items, start: start)
            times.append((ContinuousClock.now - start).seconds)
        }
        return Result(transactions: database.count, items: items, resolved: resolved, itemsets: itemsets, times: times)
    }

    /// One mining run, the itemsets collected (with the file's ids: `ids[i]` for item `i` when
    /// renumbered) and sorted (the timed work).
    private func mineOnce(_ database: TransactionDatabase, _ resolved: ResolvedMiningQuery, ids: [Int]?, itemCount: Int,
                          start: ContinuousClock.Instant) throws -> ItemsetCollector {
        var collector = ItemsetCollector(itemCount: itemCount)
        var lastReport = start
        let target = query.target
        var original: [Int] = []
        try miner.miner.mine(database, query) { items, s in
            if limit > 0 && collector.count >= limit {
                throw InputError("more than \(limit) \(target) itemsets at support ≥ \(resolved.minimumSupportCount): raise the minimum support, lower the largest size\(target == .frequent ? ", mine closed or maximal itemsets" : ""), or raise the limit")
            }
            if let ids {
                original.removeAll(keepingCapacity: true)
                for i in items { original.append(ids[i]) }
                original.withUnsafeBufferPointer { collector.add($0, support: s) }
            } else {
                collector.add(items, support: s)
            }
            if collector.count & 0xFFFF == 0, let progress {
                let now = ContinuousClock.now
                if (now - lastReport).seconds >= 2 { lastReport = now; progress(collector.count, (now - start).seconds) }
            }
        }
        collector.sort()
        return collector
    }
}

extension MiningJob.Result {
    /// What `mine` prints on standard error after a run: the count and the time, and with
    /// repeats the first, median and fastest run.
    public var summary: [String] {
        let t = times
        var lines = ["mine: \(itemsets.count) \(resolved.target) itemsets at support ≥ \(resolved.minimumSupportCount) of \(transactions) transactions (\(items) items) in \(Format.fixed(t[0], 6)) s"]
        if t.count > 1 {
            lines.append("mine: \(t.count) runs: first \(Format.fixed(t[0], 6)) s, median \(Format.fixed(t.sorted()[t.count / 2], 6)) s, fastest \(Format.fixed(t.min()!, 6)) s")
        }
        return lines
    }

    /// Writes the itemsets to standard output: one per line, `support: item item …`, or with
    /// `json` one object (`transactions`, `items`, `min_support_count`, `target`, `itemsets`).
    /// Written in large blocks: results can run to millions of lines.
    public func write(json: Bool, to handle: FileHandle = .standardOutput) {
        var out = ByteOutput(handle: handle)
        if json {
            out.write("{\"transactions\":\(transactions),\"items\":\(items),")
            out.write("\"min_support_count\":\(resolved.minimumSupportCount),\"target\":\"\(resolved.target)\",\"itemsets\":[")
            var first = true
            itemsets.forEachSorted { items, support in
                out.write(first ? "\n{\"items\":[" : ",\n{\"items\":[")
                first = false
                out.write(items, separator: ",")
                out.write("],\"support\":")
                out.write(support)
                out.write("}")
            }
            out.write("\n]}\n")
        } else {
            itemsets.forEachSorted { items, support in
                out.write(support)
                out.write(": ")
                out.write(items, separator: " ")
                out.write("\n")
            }
        }
        out.flush()
    }
}

/// Bytes for a file handle, written in large blocks.
private struct ByteOutput {
    let handle: FileHandle
    private var bytes: [UInt8] = []

    init(handle: FileHandle) {
        self.handle = handle
        bytes.reserveCapacity(1 << 20)
    }

    mutating func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= 1 << 20 { flush() }
    }

    /// A non-negative integer in decimal.
    mutating func write(_ value: Int) {
        var v = value
        var digits = (UInt64(0), UInt64(0), UInt64(0))  // 24 bytes of scratch: enough for any Int
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[n] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                n += 1
            } while v > 0
            while n > 0 { n -= 1; bytes.append(d[n]) }
        }
    }

    mutating func write(_ values: UnsafeBufferPointer<Int32>, separator: Character) {
        let sep = separator.asciiValue!
        for (k, v) in values.enumerated() {
            if k > 0 { bytes.append(sep) }
            write(Int(v))
        }
        if bytes.count >= 1 << 20 { flush() }
    }

    mutating func flush() {
        guard !bytes.isEmpty else { return }
        handle.write(Data(bytes))
        bytes.removeAll(keepingCapacity: true)
    }
}
