/// Depth-first enumeration of closed frequent itemsets by prefix-preserving closure
/// extension, after LCM (Uno, Kiyomi & Arimura, FIMI 2004), on bit-vector tid-lists.
///
/// Every closed set `Q ≠ closure(∅)` has exactly one parent: the closed set `P` and item
/// `e ∉ P` with `Q = closure(P ∪ {e})` whose closure adds no item below `e` that is not in
/// `P` ("prefix-preserving"). Searching only such extensions visits each closed set once,
/// needs no store of found sets, and runs in time polynomial per closed set.
/// The closure of `P ∪ {e}` is every item present in all of its transactions; only items
/// frequent together with `P` can qualify, so each node carries that list and the child's
/// list is computed in the same pass as its closure.
final class ClosedSearch {
    private let v: VerticalBitsets
    private let filter: SearchFilter
    private let emitter: ResultEmitter
    private let minCount: Int
    private let m: Int
    private let tidWords: Int

    /// Per depth: the set's tid-list, and the items not in it but frequent with it (ascending).
    private let nodeTids: DepthArena<UInt64>
    private let lists: DepthArena<Int32>
    /// The current closed set (recoded items).
    private let current: UnsafeMutablePointer<Int32>
    private var currentCount = 0

    init(bitsets: VerticalBitsets, filter: SearchFilter, emitter: ResultEmitter) {
        v = bitsets
        self.filter = filter
        self.emitter = emitter
        minCount = filter.query.minimumSupportCount
        m = bitsets.itemCount
        tidWords = bitsets.tidWords
        nodeTids = DepthArena(depths: m + 2)
        lists = DepthArena(depths: m + 2)
        current = .allocate(capacity: max(1, m))
    }

    deinit { current.deallocate() }

    func run() throws {
        guard m > 0 else { return }
        v.fillAllTransactions(nodeTids.array(0, count: tidWords))
        // closure(∅): the items in every transaction.
        let list = lists.array(0, count: m)
        var n = 0
        var layers: UInt64 = 0
        for r in 0..<m {
            if v.support[r] == v.transactionCount {
                current[currentCount] = Int32(r); currentCount += 1
                layers |= filter.layerBit[r]
            } else {
                list[n] = Int32(r); n += 1
            }
        }
        guard reachable(list, n, above: -1, layers: layers) else { return }
        if currentCount > 0 {
            try emitter.emit(current, count: currentCount, support: v.transactionCount)
        }
        if currentCount < filter.query.maxSize {
            try node(depth: 0, list: list, count: n, core: -1, layers: layers)
        }
    }

    /// Whether the current set plus the list's items above `core` can pass the monotone filters.
    private func reachable(_ list: UnsafePointer<Int32>, _ count: Int, above core: Int, layers: UInt64) -> Bool {
        var size = currentCount
        var all = layers
        for k in 0..<count where Int(list[k]) > core {
            size += 1
            all |= filter.layerBit[Int(list[k])]
        }
        return filter.mayContainResult(size: size, layers: all)
    }

    private func node(depth d: Int, list: UnsafePointer<Int32>, count: Int, core: Int, layers: UInt64) throws {
        let tid = nodeTids.array(d, count: tidWords)
        let childTid = nodeTids.array(d + 1, count: tidWords)
        let childList = lists.array(d + 1, count: count)
        for i in 0..<count {
            let e = Int(list[i])
            guard e > core else { continue }
            let support = intersect(tid, v.tids + e * tidWords, into: childTid, tidWords)
            let saved = currentCount
            defer { currentCount = saved }
            current[currentCount] = Int32(e); currentCount += 1
            var childLayers = layers | filter.layerBit[e]
            var n = 0
            var prefixPreserving = true
            for k in 0..<count where k != i {
                let y = Int(list[k])
                let s = intersectionCount(childTid, v.tids + y * tidWords, tidWords)
                if s == support {
                    // y is in every transaction of P ∪ {e}: part of the closure.
                    if y < e { prefixPreserving = false; break }
                    current[currentCount] = Int32(y); currentCount += 1
                    childLayers |= filter.layerBit[y]
                } else if s >= minCount {
                    childList[n] = Int32(y); n += 1
                }
            }
            guard prefixPreserving, reachable(childList, n, above: e, layers: childLayers) else { continue }
            try emitter.emit(current, count: currentCount, support: support)
            if currentCount < filter.query.maxSize {
                try node(depth: d + 1, list: childList, count: n, core: e, layers: childLayers)
            }
        }
    }
}
