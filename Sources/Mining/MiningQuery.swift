import FileSupport

/// What to mine: target, minimum support and the optional filters.
///
/// Filters never change what "closed" or "maximal" means: the miner finds the closed
/// (maximal) itemsets over *all* frequent itemsets, then keeps those that pass the filters.
/// So `target: .maximal` with `layerComplete` gives *the layer-complete maximal itemsets*.
/// (Because every superset of a layer-complete set is layer-complete, these are also the
/// maximal elements of the layer-complete frequent itemsets; the same holds for `minSize`.)
/// `maxSize` only drops larger itemsets: it does not promote their subsets to "maximal"
/// (Borgelt's `fim` treats `zmax` the same way).
public struct MiningQuery: Sendable, Hashable {
    public var target: MiningTarget
    public var minimumSupport: MinimumSupport
    /// Smallest itemset size reported (≥ 1: the empty itemset is never reported).
    public var minSize: Int
    /// Largest itemset size reported; nil for no bound.
    public var maxSize: Int?
    /// When set, only itemsets with at least one item in every layer are reported.
    public var layerComplete: LayerLayout?

    public init(target: MiningTarget, minimumSupport: MinimumSupport, minSize: Int = 1,
                maxSize: Int? = nil, layerComplete: LayerLayout? = nil) {
        self.target = target
        self.minimumSupport = minimumSupport
        self.minSize = minSize
        self.maxSize = maxSize
        self.layerComplete = layerComplete
    }

    /// The checked, absolute form of the query for `database` (an `InputError` if invalid).
    public func resolved(for database: TransactionDatabase) throws -> ResolvedMiningQuery {
        let count = try minimumSupport.count(forTransactionCount: database.count)
        guard minSize >= 1 else {
            throw InputError("minimum itemset size must be at least 1, got \(minSize) (the empty itemset is never reported)")
        }
        if let maxSize, maxSize < minSize {
            throw InputError("maximum itemset size \(maxSize) is below the minimum size \(minSize)")
        }
        if let layout = layerComplete, layout.neuronCount != database.itemCount {
            throw InputError("layer widths \(layout.widths.map(String.init).joined(separator: ",")) sum to \(layout.neuronCount) but the transactions have \(database.itemCount) items")
        }
        return ResolvedMiningQuery(target: target, minimumSupportCount: count, minSize: minSize,
                                   maxSize: maxSize ?? Int.max, layerComplete: layerComplete)
    }
}

/// A `MiningQuery` with the support as an absolute count and the bounds checked.
public struct ResolvedMiningQuery: Sendable, Hashable {
    public let target: MiningTarget
    public let minimumSupportCount: Int
    public let minSize: Int
    /// `Int.max` when unbounded.
    public let maxSize: Int
    public let layerComplete: LayerLayout?

    /// Whether an itemset passes the size bounds and the layer-complete filter.
    public func passesFilters<C: Collection>(_ items: C) -> Bool where C.Element == Int {
        guard items.count >= minSize, items.count <= maxSize else { return false }
        if let layout = layerComplete { return layout.isLayerComplete(items) }
        return true
    }
}
