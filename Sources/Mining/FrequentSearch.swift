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

    private let nodeTids: UnsafeMutablePointer<UInt64>
    private let lists: UnsafeMutablePointer<Int32>
    private let listSupports: UnsafeMutablePointer<Int32>
    private let current: UnsafeMutablePointer<Int32>
    private var currentCount = 0

    init(bitsets: VerticalBitsets, filter: SearchFilter, emitter: ResultEmitter) {
        v = bitsets
        self.filter = filter
        self.emitter = emitter
        minCount = filter.query.minimumSupportCount
        m = bitsets.itemCount
        tidWords = bitsets.tidWords
        nodeTids = .allocate(capacity: (m + 2) * tidWords)
        lists = .allocate(capacity: (m + 2) * max(1, m))
        listSupports = .allocate(capacity: (m + 2) * max(1, m))
        current = .allocate(capacity: max(1, m))
    }

    deinit {
        nodeTids.deallocate(); lists.deallocate(); listSupports.deallocate(); current.deallocate()
    }

    func run() {
        guard m > 0 else { return }
        v.fillAllTransactions(nodeTids)
        var layers: UInt64 = 0
        for r in 0..<m {
            lists[r] = Int32(r); listSupports[r] = Int32(v.support[r])
            layers |= filter.layerBit[r]
        }
        guard filter.mayContainResult(size: m, layers: layers) else { return }
        node(depth: 0, count: m, layers: 0)
    }

    private func node(depth d: Int, count: Int, layers: UInt64) {
        let tid = nodeTids + d * tidWords
        let childTid = nodeTids + (d + 1) * tidWords
        let list = lists + d * m, supports = listSupports + d * m
        let childList = lists + (d + 1) * m, childSupports = listSupports + (d + 1) * m
        for i in 0..<count {
            let x = Int(list[i])
            current[currentCount] = Int32(x); currentCount += 1
            defer { currentCount -= 1 }
            let childLayers = layers | filter.layerBit[x]
            // The child's list, and the items it could still reach (for the monotone filters).
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
            emitter.emit(current, count: currentCount, support: Int(supports[i]))
            if n > 0 { node(depth: d + 1, count: n, layers: childLayers) }
        }
    }
}
