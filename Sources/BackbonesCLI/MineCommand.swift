import ArgumentParser
import FileSupport
import Foundation
import Mining

/// `backbones mine`: frequent, closed or maximal itemsets of a FIMI transaction file.
struct MineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mine",
        abstract: "Mine frequent, closed or maximal itemsets of a FIMI transaction file.",
        discussion: """
        Give the minimum support either as a fraction of the transactions (--min-support, \
        rounded up: ⌈f·|T|⌉, at least 1) or as a number of transactions (--min-count). \
        Output: one itemset per line, "support: item item …", sorted lexicographically by \
        items; --json writes one object instead. A summary (count, time) goes to stderr. \
        Maximal with --layer-complete means the layer-complete maximal itemsets: the maximal \
        itemsets over all frequent itemsets that have an item in every layer. See docs/mining.md.
        """
    )

    @Argument(help: "FIMI file: one transaction per line, item ids separated by spaces.")
    var file: String

    @Option(name: .customLong("min-support"), help: "Minimum support as a fraction of the transactions, in (0, 1].")
    var minSupport: String?

    @Option(name: .customLong("min-count"), help: "Minimum support as a number of transactions (≥ 1).")
    var minCount: String?

    @Option(help: "frequent, closed or maximal.")
    var target: String = "maximal"

    @Option(help: "Layer widths, e.g. 64,32,16: the items are the neurons 0..<sum (ids beyond are an error).")
    var layers: String?

    @Flag(name: .customLong("layer-complete"), help: "Keep only itemsets with an item in every layer (needs --layers).")
    var layerComplete = false

    @Option(name: .customLong("min-size"), help: "Smallest itemset size reported.")
    var minSize: Int = 1

    @Option(name: .customLong("max-size"), help: "Largest itemset size reported.")
    var maxSize: Int?

    @Flag(help: "Write JSON: transactions, items, min_support_count, target, itemsets.")
    var json = false

    @Option(help: "bitset (fast) or brute-force (reference, at most 20 items).")
    var miner: String = "bitset"

    @Option(help: "Stop with an error after this many itemsets (0: no limit); dense data can have billions of frequent itemsets.")
    var limit: Int = 5_000_000

    @Option(help: "Mine up to this many times (stopping once the runs took 1 s together) and report the first and the median time; for benchmarks. The output is written once.")
    var `repeat`: Int = 1

    func validate() throws {
        guard (minSupport == nil) != (minCount == nil) else {
            throw ValidationError("give the minimum support once: --min-support F (a fraction in (0, 1]) or --min-count N (a number of transactions)")
        }
        if `repeat` < 1 {
            throw ValidationError("--repeat must be at least 1")
        }
        if limit < 0 {
            throw ValidationError("--limit must be 0 (no limit) or positive")
        }
        if layerComplete && layers == nil {
            throw ValidationError("--layer-complete needs the layer widths: add --layers W1,W2,…")
        }
    }

    func run() throws {
        let support = try parsedSupport()
        guard let miningTarget = MiningTarget(rawValue: target) else {
            throw InputError("unknown --target '\(target)': expected frequent, closed or maximal")
        }
        let itemMiner: any ItemsetMiner
        switch miner {
        case "bitset": itemMiner = BitsetMiner()
        case "brute-force": itemMiner = BruteForceMiner()
        default: throw InputError("unknown --miner '\(miner)': expected bitset or brute-force")
        }
        var layout: LayerLayout?
        if let layers {
            do { layout = try LayerLayout(parsing: layers) } catch {
                throw InputError("--layers: \(error)")
            }
        }

        let database = try TransactionDatabase.readFIMI(path: file, itemCount: layout?.neuronCount)
        let query = MiningQuery(target: miningTarget, minimumSupport: support, minSize: minSize,
                                maxSize: maxSize, layerComplete: layerComplete ? layout : nil)
        let resolved = try query.resolved(for: database)

        var itemsets = ItemsetCollector(itemCount: 0)
        var times: [Double] = []
        var total = 0.0
        while times.count < `repeat` && (times.isEmpty || total < 1) {
            itemsets = ItemsetCollector(itemCount: 0)     // free the previous run's result first
            let start = Date()
            itemsets = try mineOnce(itemMiner, database, query, resolved, start: start)
            times.append(Date().timeIntervalSince(start))
            total += times.last!
        }
        let seconds = times[0]

        var out = OutputBuffer()
        if json {
            out.write("{\"transactions\":\(database.count),\"items\":\(database.itemCount),")
            out.write("\"min_support_count\":\(resolved.minimumSupportCount),\"target\":\"\(miningTarget)\",\"itemsets\":[")
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
        Stderr.print("mine: \(itemsets.count) \(miningTarget) itemsets at support ≥ \(resolved.minimumSupportCount) of \(database.count) transactions (\(database.itemCount) items) in \(String(format: "%.6f", seconds)) s")
        if times.count > 1 {
            let median = times.sorted()[times.count / 2]
            Stderr.print("mine: \(times.count) runs: first \(String(format: "%.6f", seconds)) s, median \(String(format: "%.6f", median)) s, fastest \(String(format: "%.6f", times.min()!)) s")
        }
    }

    /// One mining run, the itemsets collected and sorted (the timed work).
    private func mineOnce(_ itemMiner: any ItemsetMiner, _ database: TransactionDatabase, _ query: MiningQuery,
                          _ resolved: ResolvedMiningQuery, start: Date) throws -> ItemsetCollector {
        var progress = ProgressReporter(start: start)
        var collector = ItemsetCollector(itemCount: database.itemCount)
        let limit = self.limit
        let target = query.target
        try itemMiner.mine(database, query) { items, s in
            if limit > 0 && collector.count >= limit {
                throw InputError("more than \(limit) \(target) itemsets at support ≥ \(resolved.minimumSupportCount): raise the minimum support, add --max-size\(target == .frequent ? ", use --target closed or maximal" : ""), or raise --limit")
            }
            collector.add(items, support: s)
            progress.tick(collector.count)
        }
        collector.sort()
        return collector
    }

    private func parsedSupport() throws -> MinimumSupport {
        if let minCount {
            guard let c = Int(minCount) else {
                throw InputError("--min-count: '\(minCount)' is not a whole number of transactions")
            }
            try MinimumSupport.count(c).validate()
            return .count(c)
        }
        let text = minSupport ?? ""
        guard let f = Double(text) else {
            throw InputError("--min-support: '\(text)' is not a number; give a fraction in (0, 1], e.g. 0.5")
        }
        guard f.isFinite, f > 0, f <= 1 else {
            throw InputError("--min-support must be a fraction in (0, 1], got \(text); for a number of transactions use --min-count")
        }
        return .fraction(f)
    }
}

/// Prints a line on stderr every few seconds while a long mining run finds itemsets.
private struct ProgressReporter {
    let start: Date
    var last: Date

    init(start: Date) {
        self.start = start
        last = start
    }

    mutating func tick(_ count: Int) {
        guard count & 0xFFFF == 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(last) >= 2 else { return }
        last = now
        Stderr.print("mine: \(count) itemsets so far (\(Int(now.timeIntervalSince(start))) s)")
    }
}

/// Standard output as bytes, written in large blocks (results can run to millions of lines).
private struct OutputBuffer {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 20) }

    mutating func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        flushIfFull()
    }

    /// A non-negative integer in decimal.
    mutating func write(_ value: Int) {
        var v = value
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
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
        flushIfFull()
    }

    private mutating func flushIfFull() {
        if bytes.count >= 1 << 20 { flush() }
    }

    mutating func flush() {
        guard !bytes.isEmpty else { return }
        FileHandle.standardOutput.write(Data(bytes))
        bytes.removeAll(keepingCapacity: true)
    }
}
