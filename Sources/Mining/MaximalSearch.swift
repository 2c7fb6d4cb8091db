/// Depth-first search for maximal frequent itemsets on bit-vector tid-lists, after MAFIA
/// (Burdick, Calimlim & Gehrke, ICDE 2001) with GenMax/FPMax*'s local lists of maximal sets
/// (Gouda & Zaki 2001; Grahne & Zhu 2003).
///
/// A node is a *head* `H` (an itemset, with its tid-list) and a *tail*: the items that may
/// still join it. Items are tried in a fixed order, so any frequent superset of `H` that uses
/// an item outside `H ∪ tail` lies in a subtree searched earlier; its maximal sets are already
/// known. Hence a head with no frequent extension is maximal exactly when no known maximal
/// set contains it, and no candidate is ever retracted. Pruning:
/// - *Parent equivalence* (PEP): a tail item in every transaction of `H` is in every maximal
///   superset of `H`; it joins the head without branching.
/// - *HUTMFI*: if `H ∪ tail` lies inside a known maximal set, nothing new is below.
/// - *FHUT* (look-ahead): if `H ∪ tail` is frequent, it is the only candidate below.
/// - *Dynamic reordering*: a node's frequent tail is sorted by ascending support, which keeps
///   the subtrees of rare items small and lets frequent items close them quickly.
/// The subset test needs the known maximal sets that contain `H`; each node keeps that list
/// (LMFI), the child's being the parent's filtered by the new item, and a newly found set is
/// appended to the lists of all nodes on the current path.
///
/// Monotone filters (size ≥ min, layer-complete) prune nodes whose `H ∪ tail` fails them. The
/// search then may "find" non-maximal subsets of skipped maximal sets, but those fail the same
/// filters (a subset of a failing set fails), so the reported sets are exactly the filtered
/// maximal sets; the tests check this against the brute-force miner.
final class MaximalSearch {
    private let v: VerticalBitsets
    private let filter: SearchFilter
    private let emitter: ResultEmitter
    private let minCount: Int
    private let m: Int
    private let tidWords: Int
    private let itemWords: Int

    /// Per depth: the head's tid-list, the frequent tail (items, supports with the head),
    /// and the tail as an item bit set.
    private let nodeTids: DepthArena<UInt64>
    private let tailItems: DepthArena<Int32>
    private let tailSupports: DepthArena<Int32>
    private let tailBitsArena: DepthArena<UInt64>
    /// The current head (recoded items), with room to append a tail for reporting.
    private let head: UnsafeMutablePointer<Int32>
    private var headCount = 0
    /// Scratch tid-list for the look-ahead.
    private let scratchTid: UnsafeMutablePointer<UInt64>
    /// Known maximal sets as item bit sets, `itemWords` words each.
    private var found: GrowableBuffer<UInt64>
    private var foundCount = 0
    /// LMFI per depth: indices of known maximal sets containing that depth's head.
    private let lists: UnsafeMutablePointer<GrowableBuffer<Int32>>
    private let depthCount: Int

    init(bitsets: VerticalBitsets, filter: SearchFilter, emitter: ResultEmitter) {
        v = bitsets
        self.filter = filter
        self.emitter = emitter
        minCount = filter.query.minimumSupportCount
        m = bitsets.itemCount
        tidWords = bitsets.tidWords
        itemWords = max(1, (m + 63) / 64)
        depthCount = m + 2
        nodeTids = DepthArena(depths: depthCount)
        tailItems = DepthArena(depths: depthCount)
        tailSupports = DepthArena(depths: depthCount)
        tailBitsArena = DepthArena(depths: depthCount)
        head = .allocate(capacity: max(1, m))
        scratchTid = .allocate(capacity: tidWords)
        found = GrowableBuffer(capacity: 1024 * itemWords)
        lists = .allocate(capacity: depthCount)
        for d in 0..<depthCount { (lists + d).initialize(to: GrowableBuffer(capacity: 4)) }
    }

    deinit {
        head.deallocate(); scratchTid.deallocate()
        found.free()
        for d in 0..<depthCount { lists[d].free() }
        lists.deallocate()
    }

    func run() throws {
        guard m > 0 else { return }
        v.fillAllTransactions(nodeTids.array(0, count: tidWords))
        let all = UnsafeMutablePointer<Int32>.allocate(capacity: m)
        defer { all.deallocate() }
        for r in 0..<m { all[r] = Int32(r) }
        try node(depth: 0, candidates: all, candidateCount: m, support: v.transactionCount, headLayers: 0)
    }

    private func node(depth d: Int, candidates: UnsafePointer<Int32>, candidateCount: Int,
                      support: Int, headLayers: UInt64) throws {
        let tid = nodeTids.array(d, count: tidWords)
        let fItems = tailItems.array(d, count: candidateCount)
        let fSupports = tailSupports.array(d, count: candidateCount)
        let tailBits = tailBitsArena.array(d, count: itemWords)
        let headStart = headCount
        defer { headCount = headStart }

        // Frequent tail, with parent-equivalent items moved into the head.
        var fCount = 0
        var layers = headLayers
        var tailLayers: UInt64 = 0
        for c in 0..<candidateCount {
            let y = Int(candidates[c])
            let s = intersectionCount(tid, v.tids + y * tidWords, tidWords)
            if s < minCount { continue }
            if s == support {
                head[headCount] = Int32(y); headCount += 1
                layers |= filter.layerBit[y]
            } else {
                fItems[fCount] = Int32(y); fSupports[fCount] = Int32(s); fCount += 1
                tailLayers |= filter.layerBit[y]
            }
        }
        if headCount == 0 && fCount == 0 { return }
        guard filter.mayContainResult(size: headCount + fCount, layers: layers | tailLayers) else { return }

        // Known maximal sets containing the head (the parent filtered them by all but the
        // items just added by PEP).
        if headCount > headStart { keepLists(depth: d, containing: headStart..<headCount) }

        // HUTMFI on the frequent tail.
        tailBits.initialize(repeating: 0, count: itemWords)
        for k in 0..<fCount { setBit(tailBits, Int(fItems[k])) }
        if anyKnownSuperset(of: tailBits, depth: d) { return }

        if fCount == 0 {
            try record(extra: fItems, extraCount: 0, support: support, depth: d)
            return
        }

        // FHUT: is the whole head ∪ tail frequent?
        if fCount > 1 {
            scratchTid.update(from: tid, count: tidWords)
            var s = 0
            for k in 0..<fCount {
                s = intersect(scratchTid, v.tids + Int(fItems[k]) * tidWords, into: scratchTid, tidWords)
                if s < minCount { break }
            }
            if s >= minCount {
                try record(extra: fItems, extraCount: fCount, support: s, depth: d)
                return
            }
        }

        sortBySupport(fItems, fSupports, fCount)

        // Children, each heading the tail after its item (`tailBits` still holds the tail).
        let childTid = nodeTids.array(d + 1, count: tidWords)
        for i in 0..<fCount {
            let x = Int(fItems[i])
            if i > 0 { tailBits[Int(fItems[i - 1]) >> 6] &= ~(1 << UInt64(fItems[i - 1] & 63)) }
            // One pass over the node's list: the child's list (sets containing x), and the
            // MAFIA HUT check — if H ∪ {x} ∪ rest lies in a known set, so do all later children.
            if filterList(depth: d, containing: x, stopIfSupersetOf: tailBits) { break }
            _ = intersect(tid, v.tids + x * tidWords, into: childTid, tidWords)
            head[headCount] = Int32(x); headCount += 1
            try node(depth: d + 1, candidates: fItems + i + 1, candidateCount: fCount - i - 1,
                 support: Int(fSupports[i]), headLayers: layers | filter.layerBit[x])
            headCount -= 1
        }
    }

    /// Keeps in the list at `depth` only the sets that contain the head items in `range`.
    private func keepLists(depth d: Int, containing range: Range<Int>) {
        let list = lists[d].base
        var kept = 0
        for k in 0..<lists[d].count {
            let set = found.base + Int(list[k]) * itemWords
            var all = true
            for h in range where !testBit(set, Int(head[h])) { all = false; break }
            if all { list[kept] = list[k]; kept += 1 }
        }
        lists[d].count = kept
    }

    /// Whether a known set in the list at `depth` contains `bits` (newest first: recent sets
    /// come from nearby branches and are the likeliest to contain it).
    private func anyKnownSuperset(of bits: UnsafePointer<UInt64>, depth d: Int) -> Bool {
        let list = lists[d].base
        var k = lists[d].count - 1
        while k >= 0 {
            if isSubset(bits, of: found.base + Int(list[k]) * itemWords, itemWords) { return true }
            k -= 1
        }
        return false
    }

    /// Fills the list at `depth + 1` with the sets of the list at `depth` that contain `x`;
    /// returns true (early) if one of them contains all of `bits`.
    private func filterList(depth d: Int, containing x: Int, stopIfSupersetOf bits: UnsafePointer<UInt64>) -> Bool {
        let source = lists[d].base
        let n = lists[d].count
        lists[d + 1].count = 0
        lists[d + 1].reserve(n)
        let target = lists[d + 1].base
        var kept = 0
        for k in 0..<n {
            let index = source[k]
            let set = found.base + Int(index) * itemWords
            guard testBit(set, x) else { continue }
            if isSubset(bits, of: set, itemWords) { return true }
            target[kept] = index; kept += 1
        }
        lists[d + 1].count = kept
        return false
    }

    /// Records head ∪ extra as a maximal set: stores it, adds it to the lists of the nodes on
    /// the path (all of whose heads it contains), and reports it.
    private func record(extra: UnsafePointer<Int32>, extraCount: Int, support: Int, depth d: Int) throws {
        let savedHead = headCount
        for k in 0..<extraCount { head[headCount + k] = extra[k] }
        headCount += extraCount
        found.reserve(itemWords)
        let set = found.base + found.count
        set.initialize(repeating: 0, count: itemWords)
        for k in 0..<headCount { setBit(set, Int(head[k])) }
        found.count += itemWords
        let index = Int32(foundCount)
        foundCount += 1
        for a in 0..<d { lists[a].append(index) }
        try emitter.emit(head, count: headCount, support: support)
        headCount = savedHead
    }
}

/// Sorts `items[0..<n]` by ascending `supports` (ties: ascending item), moving both arrays.
/// Insertion sort: tails are short and often nearly sorted already.
func sortBySupport(_ items: UnsafeMutablePointer<Int32>, _ supports: UnsafeMutablePointer<Int32>, _ n: Int) {
    guard n > 1 else { return }
    for i in 1..<n {
        let item = items[i], s = supports[i]
        var j = i - 1
        while j >= 0 && (supports[j] > s || (supports[j] == s && items[j] > item)) {
            items[j + 1] = items[j]; supports[j + 1] = supports[j]
            j -= 1
        }
        items[j + 1] = item; supports[j + 1] = s
    }
}
