import ArgumentParser
import FileSupport
import BackboneData
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

    @Argument(help: "FIMI file: one transaction per line, item ids separated by spaces.") var file: String

    @Option(help: "Minimum support as a fraction of the transactions, in (0, 1].") var minSupport: Double?
    @Option(help: "Minimum support as a number of transactions (≥ 1).") var minCount: Int?
    @Option(help: "frequent, closed or maximal.") var target: MiningTarget = .maximal
    @Option(help: "Layer widths, e.g. 64,32,16: the items are the neurons 0..<sum (ids beyond are an error).") var layers: String?
    @Flag(help: "Keep only itemsets with an item in every layer (needs --layers).") var layerComplete = false
    @Option(help: "Smallest itemset size reported.") var minSize: Int = 1
    @Option(help: "Largest itemset size reported.") var maxSize: Int?
    @Flag(help: "Write JSON: transactions, items, min_support_count, target, itemsets.") var json = false
    @Option(help: "bitset (fast) or brute-force (reference, at most 20 items).") var miner: MiningJob.Miner = .bitset
    @Option(help: "Stop with an error after this many itemsets (0: no limit); dense data can have billions of frequent itemsets.") var limit: Int = 5_000_000
    @Option(help: "Mine up to this many times (until the runs took 1 s together), report the first and median time (benchmarks).") var `repeat`: Int = 1

    func validate() throws {
        if (minSupport == nil) == (minCount == nil) { throw ValidationError("give the minimum support once: --min-support F (a fraction in (0, 1]) or --min-count N (a number of transactions)") }
        try support.validate()
        if `repeat` < 1 { throw ValidationError("--repeat must be at least 1") }
        if limit < 0 { throw ValidationError("--limit must be 0 (no limit) or positive") }
        if layerComplete && layers == nil { throw ValidationError("--layer-complete needs the layer widths: add --layers W1,W2,…") }
    }

    func run() throws {
        let layout = try layers.map(LayerLayout.fromOption)
        let query = MiningQuery(target: target, minimumSupport: support, minSize: minSize, maxSize: maxSize,
                                layerComplete: layerComplete ? layout : nil)
        let job = MiningJob(file: file, query: query, itemCount: layout?.neuronCount, miner: miner, limit: limit, repeats: `repeat`) {
            Stderr.print("mine: \($0) itemsets so far (\(Int($1)) s)")
        }
        let result = try job.run()
        result.write(json: json)
        result.summary.forEach(Stderr.print)
    }

    /// The support asked for (`validate()` checks that exactly one is given, and its range).
    private var support: MinimumSupport { minCount.map { .count($0) } ?? .fraction(minSupport ?? .nan) }
}

extension MiningTarget: ExpressibleByArgument {}
extension MiningJob.Miner: ExpressibleByArgument {}
