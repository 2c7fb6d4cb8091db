/// Depth-first enumeration of all frequent itemsets on bit-vector tid-lists: Eclat
/// (Zaki, IEEE TKDE 2000). A node's list holds the items after its last item that are still
/// frequent with it, with supports; each child intersects the node's tid-list with one item's.
/// Time is proportional to (number of frequent itemsets) × (list length) × (tid words).
final class FrequentSearch {
    private let v: VerticalBitsets
    private let filter: SearchFilter
    private let emitter: ResultEmitter
    private let minCount: Int
    private let m: Int
    private let tidWords: Int

    /// Per depth: the set's tid-list, and its extension items with their supports.
    private let nodeTids: DepthArena<UInt64>
    private let lists: DepthArena<Int32>
    private let listSupports: DepthArena<Int32>
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
        listSupports = DepthArena(depths: m + 2)
        current = .allocate(capacity: max(1, m))
    }

    deinit { current.deallocate() }

    func run() throws {
        guard m > 0 else { return }
        v.fillAllTransactions(nodeTids.array(0, count: tidWords))
        let list = lists.array(0, count: m), supports = listSupports.array(0, count: m)
        var layers: UInt64 = 0
        for r in 0..<m {
            list[r] = Int32(r); supports[r] = Int32(v.support[r])
            layers |= filter.layerBit[r]
        }
        guard filter.mayContainResult(size: m, layers: layers) else { return }
        try node(depth: 0, list: list, supports: supports, count: m, layers: 0)
    }

    private func node(depth d: Int, list: UnsafePointer<Int32>, supports: UnsafePointer<Int32>,
                      count: Int, layers: UInt64) throws {
        let tid = nodeTids.array(d, count: tidWords)
        let childTid = nodeTids.array(d + 1, count: tidWords)
        let childList = lists.array(d + 1, count: count)
        let childSupports = listSupports.array(d + 1, count: count)
        for i in 0..<count {
            let x = Int(list[i])
            current[currentCount] = Int32(x); currentCount += 1
            defer { currentCount -= 1 }
            let childLayers = layers | filter.layerBit[x]
            // The child's list, and the layers it could still reach (for the monotone filters).
            var n = 0
            var reach = childLayers
            if currentCount < filter.query.maxSize {
                _ = intersect(tid, v.tids + x * tidWords, into: childTid, tidWords)
                for k in (i + 1)..<count {
                    let y = Int(list[k])
                    let s = intersectionCount(childTid, v.tids + y * tidWords, tidWords)
                    if s >= minCount {
                        childList[n] = Int32(y); childSupports[n] = Int32(s); n += 1
                        reach |= filter.layerBit[y]
                    }
                }
            }
            guard filter.mayContainResult(size: currentCount + n, layers: reach) else { continue }
            try emitter.emit(current, count: currentCount, support: Int(supports[i]))
            if n > 0 {
                try node(depth: d + 1, list: childList, supports: childSupports, count: n, layers: childLayers)
            }
        }
    }
}
