import Foundation

/// The branch and bound of `LayerJoinSearch` for one group and share, reused across budgets.
///
/// Coverage at `q < 1` is an intersection over layers: `t` is covered when each layer's part
/// `B_l` of the backbone covers it there (`|B_l ∩ t| ≥ r_tl`), and within a layer coverage only
/// grows as `B_l` grows. The search picks one `B_l` per layer, layer after layer (layers with
/// fewest neuron classes first), keeping the set of transactions still coverable (`alive`):
///
/// - **Enumeration** of one layer: depth first over its neuron classes (dominators first), a
///   count `0…multiplicity` per class, a class taken only when its dominators are taken whole
///   (`LayerClasses`). A node is cut when the alive transactions it can still cover in this
///   layer (each one on its own: enough neurons left in its undecided classes and in the size
///   room) weigh no more than the incumbent.
/// - **Pareto filter**: each enumerated set leaves some alive transactions uncovered (`U`).
///   A set `(size, U)` is dropped when another has size `≤` and `U' ⊆ U`: whatever the later
///   layers do, the other is as good. What survives is usually a few dozen sets out of
///   thousands; the search recurses into them, fewest uncovered first.
/// - **Split bound**: a backbone covering `c` instances holds, in each layer `l` alone, a set
///   covering `c` there, so at least `need_l(c)` neurons (the single-layer front, computed
///   once and cached). The sizes the later layers need bound the room of the current one, and
///   `Σ_l need_l(best + 1) > K` proves the incumbent optimal without any search.
///
/// The last layer is not collected but maximized directly. Buffers are allocated once; a node
/// allocates nothing.
final class LayerJoinEngine {
    struct Outcome {
        /// Best weight found; at least the incumbent.
        var best: Int
        /// The backbone reaching `best`, when it beats the incumbent (neuron ids, ascending).
        var backbone: [Int]?
        /// An upper bound on the optimum at this budget (equal to `best` when not stopped).
        var bound: Int
        var stopped: Bool
        var nodes: Int
    }

    private let index: LayerClasses
    private let count: Int
    private let words: Int
    private let total: Int
    /// Layers in search order: fewest classes first (small, discriminating layers open the
    /// search; the widest layer comes last, where the alive set is smallest).
    private let order: [Int]
    private let weights: UnsafeMutablePointer<Int>
    private let requirement: UnsafeMutablePointer<Int32>
    /// Per layer: the flat transaction lists of its classes, their offsets, multiplicities,
    /// dominator lists (flat, with offsets).
    private let classTransactions: [UnsafeMutablePointer<Int32>]
    private let classOffsets: [UnsafeMutablePointer<Int>]
    private let multiplicity: [UnsafeMutablePointer<Int>]
    private let dominatedList: [UnsafeMutablePointer<Int>]
    private let dominatedOffsets: [UnsafeMutablePointer<Int>]
    private let classCounts: [Int]
    /// Enumeration state: neurons held and still available per transaction, counts per class.
    private let held: UnsafeMutablePointer<Int32>
    /// The alive transactions of the enumerated layer's classes (flat, with offsets).
    private let aliveTransactions: UnsafeMutablePointer<Int32>
    private let aliveOffsets: UnsafeMutablePointer<Int>
    /// Per class of the enumerated layer: how many of its dominators were not taken whole.
    private let forbidden: UnsafeMutablePointer<Int32>
    /// Weight of alive, not yet covered transactions by deficit (those that can still meet it).
    private let bucket: UnsafeMutablePointer<Int>
    private let bucketCount: Int
    private var coveredWeight = 0
    private let available: UnsafeMutablePointer<Int32>
    private var counts: UnsafeMutablePointer<Int>
    private let everyone: [UInt64]
    /// Single-layer fronts: `front[l][f]` = most weight layer `l` alone covers with
    /// `minimumRequirement[l] + f` neurons (exact; computed on demand, then kept).
    private var front: [[Int]]

    // The current enumeration.
    private enum Mode { case singleLayer, lastLayer, collect }
    private var mode = Mode.singleLayer
    private var layer = 0
    private var alive: UnsafeMutablePointer<UInt64>
    private var minimumSize = 0
    private var maximumSize = 0
    private var threshold = 0
    private var collected = CandidateList(words: 1, classes: 0)

    // The search.
    private var budget = 0
    private var best = 0
    private var improved = false
    /// Class counts per layer on the current path, and at the best backbone found.
    private var path: [[Int]]
    private var bestPath: [[Int]]
    private var nodes = 0
    private var deadline: ContinuousClock.Instant?
    /// The run's stop request, checked with the deadline.
    var control: RunControl?
    private var nodeLimit = Int.max
    private var stopped = false
    private let clock = ContinuousClock()

    init(group: GroupTransactions, rule: CoverageRule) {
        let index = LayerClasses(group: group, rule: rule)
        self.index = index
        count = index.transactionCount
        words = max(1, (count + 63) / 64)
        total = group.instanceCount
        order = (0..<index.layerCount).sorted { (index.classes[$0].count, -$0) < (index.classes[$1].count, -$1) }
        weights = .allocate(capacity: max(1, count))
        for t in 0..<count { weights[t] = index.weights[t] }
        requirement = .allocate(capacity: max(1, index.requirement.count))
        for (k, r) in index.requirement.enumerated() { requirement[k] = r }
        func pointer<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, values.count))
            for (k, v) in values.enumerated() { (p + k).initialize(to: v) }
            return p
        }
        var flat: [UnsafeMutablePointer<Int32>] = [], offsets: [UnsafeMutablePointer<Int>] = []
        var domList: [UnsafeMutablePointer<Int>] = [], domOffsets: [UnsafeMutablePointer<Int>] = []
        for classes in index.classes {
            var dominated = [[Int]](repeating: [], count: classes.count)
            for (b, c) in classes.enumerated() { for a in c.dominators { dominated[a].append(b) } }
            var o = [0], d = [0]
            for (k, c) in classes.enumerated() { o.append(o.last! + c.transactions.count); d.append(d.last! + dominated[k].count) }
            flat.append(pointer(classes.flatMap(\.transactions)))
            offsets.append(pointer(o))
            domList.append(pointer(dominated.flatMap { $0 }))
            domOffsets.append(pointer(d))
        }
        classTransactions = flat
        classOffsets = offsets
        dominatedList = domList
        dominatedOffsets = domOffsets
        multiplicity = index.classes.map { pointer($0.map(\.multiplicity)) }
        classCounts = index.classes.map(\.count)
        held = .allocate(capacity: max(1, count))
        held.initialize(repeating: 0, count: max(1, count))
        available = .allocate(capacity: max(1, count))
        available.initialize(repeating: 0, count: max(1, count))
        let widest = index.classes.map(\.count).max() ?? 0
        counts = .allocate(capacity: max(1, widest))
        counts.initialize(repeating: 0, count: max(1, widest))
        var all = [UInt64](repeating: ~0, count: words)
        if count % 64 != 0 { all[words - 1] = (1 << UInt64(count % 64)) - 1 }
        if count == 0 { all[0] = 0 }
        everyone = all
        alive = .allocate(capacity: words)
        let longest = index.classes.map { $0.reduce(0) { $0 + $1.transactions.count } }.max() ?? 0
        aliveTransactions = .allocate(capacity: max(1, longest))
        aliveOffsets = .allocate(capacity: widest + 1)
        forbidden = .allocate(capacity: max(1, widest))
        bucketCount = Int(index.requirement.max() ?? 0) + 1
        bucket = .allocate(capacity: bucketCount)
        bucket.initialize(repeating: 0, count: bucketCount)
        current = Layer(classCount: 0, transactions: aliveTransactions, offsets: aliveOffsets, multiplicity: multiplicity[0],
                        dominated: dominatedList[0], dominatedOffsets: dominatedOffsets[0], requirement: requirement)
        front = Array(repeating: [], count: index.layerCount)
        path = index.classes.map { [Int](repeating: 0, count: $0.count) }
        bestPath = path
    }

    deinit {
        weights.deallocate()
        requirement.deallocate()
        for p in classTransactions { p.deallocate() }
        for p in classOffsets + multiplicity + dominatedList + dominatedOffsets { p.deallocate() }
        aliveTransactions.deallocate()
        aliveOffsets.deallocate()
        forbidden.deallocate()
        bucket.deallocate()
        held.deallocate()
        available.deallocate()
        counts.deallocate()
        alive.deallocate()
    }

    /// The neurons of layer `l`'s widest possible part: every class taken whole.
    private func neuronCount(ofLayer l: Int) -> Int { (0..<classCounts[l]).reduce(0) { $0 + multiplicity[l][$1] } }

    /// The best weight of transactions a backbone of at most `budget` neurons covers;
    /// `incumbent` is a weight known to be reachable.
    /// `nodeLimit` stops the search after about that many nodes (at a multiple of 1,024 plus
    /// one), the same on every machine and load, unlike a deadline.
    func solve(budget k: Int, incumbent: Int, deadline: ContinuousClock.Instant?, nodeLimit: Int = .max) -> Outcome {
        budget = k
        best = incumbent
        improved = false
        nodes = 0
        stopped = false
        self.deadline = deadline
        self.nodeLimit = nodeLimit
        var bound = splitBound(budget: k)
        if !stopped, bound > best {
            var start = everyone
            var rootBound = bound
            search(step: 0, alive: &start, used: 0, rootBound: &rootBound)
            bound = stopped ? max(best, min(bound, rootBound)) : best
        } else {
            bound = max(best, stopped ? bound : best)
        }
        var backbone: [Int]?
        if improved {
            var ids: [Int] = []
            for l in 0..<index.layerCount {
                for (c, taken) in bestPath[l].enumerated() where taken > 0 { ids += index.classes[l][c].neurons.prefix(taken) }
            }
            backbone = ids.sorted()
        }
        if debug { FileHandle.standardError.write(Data(("K=\(k) best \(best) nodes \(nodes)" + "\n").utf8)) }
        return Outcome(best: best, backbone: backbone, bound: bound, stopped: stopped, nodes: nodes)
    }

    /// A local search's improvement of `start` within `budget` neurons (no proof).
    func improve(_ start: [Int], budget: Int, rounds: Int) -> (backbone: [Int], covered: Int) {
        if localSearch == nil { localSearch = CoverLocalSearch(index: index) }
        return localSearch!.improve(start, budget: budget, rounds: rounds, seed: UInt64(budget) &* 0x9E37_79B9_7F4A_7C15)
    }
    private var localSearch: CoverLocalSearch?

    // MARK: - Single-layer fronts and the split bound

    /// An upper bound on the weight a backbone of `budget` neurons covers, given that
    /// `reachable` is reached: the split bound. Valid even when `timeLimit` stops the
    /// single-layer fronts it needs (each then counts as needing only the sizes tried so far).
    func upperBound(budget k: Int, atLeast reachable: Int, timeLimit: Double?) -> Int {
        best = reachable
        stopped = false
        deadline = timeLimit.map { clock.now.advanced(by: .nanoseconds(Int64(($0 * 1e9).rounded()))) }
        defer { stopped = false; deadline = nil }
        return max(reachable, splitBound(budget: k))
    }

    /// The smallest size at which layer `l` alone covers at least `c` (an upper bound past the
    /// layer's widest part: nothing covers `c` there).
    func need(_ l: Int, _ c: Int) -> Int {
        if c <= 0 { return 0 }
        let base = index.minimumRequirement[l]
        let widest = neuronCount(ofLayer: l)
        var f = 0
        while true {
            let size = base + f
            if size > widest { return Int.max / 4 }
            if f == front[l].count {
                // Stopped by the deadline: the size so far is all that is known (a valid,
                // optimistic answer), and nothing unproven is cached.
                guard let value = singleLayerBest(l, size: size, atLeast: f == 0 ? 0 : front[l][f - 1]) else { return size }
                front[l].append(value)
            }
            if front[l][f] >= c { return size }
            f += 1
        }
    }

    /// Most weight layer `l` alone covers with at most `size` neurons (nil when the deadline
    /// stops it).
    private func singleLayerBest(_ l: Int, size: Int, atLeast known: Int) -> Int? {
        if stopped { return nil }
        for w in 0..<words { alive[w] = everyone[w] }
        mode = .singleLayer
        threshold = known
        enumerate(layer: l, minimumSize: 0, maximumSize: size)
        return stopped ? nil : threshold
    }

    /// The largest `c` with `Σ_l need_l(c) ≤ budget`: no backbone of that size covers more.
    private func splitBound(budget k: Int) -> Int {
        func fits(_ c: Int) -> Bool {
            var sum = 0
            for l in 0..<index.layerCount { sum += need(l, c); if sum > k { return false } }
            return true
        }
        var lo = best, hi = total  // fits(lo) is assumed (lo is reachable), find the largest fitting c
        if fits(hi) { return hi }
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if fits(mid) { lo = mid } else { hi = mid }
        }
        return lo
    }

    // MARK: - The layer-by-layer search

    /// Step `step` of the search: choose layer `order[step]`'s part given the alive set.
    /// `rootBound` (step 0 only) is lowered to the bound of the candidates not yet explored.
    private func search(step: Int, alive start: inout [UInt64], used: Int, rootBound: inout Int) {
        let l = order[step]
        var later = 0
        for s in (step + 1)..<order.count { later += need(order[s], best + 1) }
        if stopped { return }
        let largest = budget - used - later
        let smallest = need(l, best + 1)
        if stopped || largest < smallest { return }
        for w in 0..<words { alive[w] = start[w] }
        if step == order.count - 1 {
            mode = .lastLayer
            threshold = best
            enumerate(layer: l, minimumSize: smallest, maximumSize: largest)
            return
        }
        mode = .collect
        threshold = best
        collected = CandidateList(words: words, classes: index.classes[l].count)
        enumerate(layer: l, minimumSize: smallest, maximumSize: largest)
        if stopped { return }
        var list = collected
        list.keepParetoOptimal()
        let aliveWeight = weight(of: start)
        var next = [UInt64](repeating: 0, count: words)
        for k in 0..<list.count {
            if step == 0 { rootBound = min(rootBound, aliveWeight - list.uncoveredWeight[k]) }
            if aliveWeight - list.uncoveredWeight[k] <= best { break }  // sorted: none after it can do better
            for w in 0..<words { next[w] = start[w] & ~list.uncovered[k * words + w] }
            for c in 0..<index.classes[l].count { path[l][c] = list.counts[k * list.classCount + c] }
            var unused = 0
            search(step: step + 1, alive: &next, used: used + list.size[k], rootBound: &unused)
            if stopped { return }
        }
        for c in path[l].indices { path[l][c] = 0 }
        if step == 0 { rootBound = best }
    }

    private let debug = ProcessInfo.processInfo.environment["BACKBONES_DEBUG"] != nil

    private func weight(of bits: [UInt64]) -> Int {
        var sum = 0
        for w in 0..<words {
            var b = bits[w]
            while b != 0 { sum += weights[w << 6 | b.trailingZeroBitCount]; b &= b - 1 }
        }
        return sum
    }

    // MARK: - Enumeration of one layer

    /// Enumerates layer `l`'s dominance-closed sets of `minimumSize…maximumSize` neurons that
    /// cover more than `threshold` of the alive transactions, in the current mode.
    ///
    /// The bound of a node is kept up to date incrementally: every alive transaction not yet
    /// covered in this layer sits in the bucket of its deficit `d = r_t − held_t` while its
    /// still-available neurons can meet it, and the node's bound is the covered weight plus the
    /// buckets `1…room`. A decision touches only the transactions of the classes it decides
    /// (and, when a class is not taken whole, of the classes it dominates, which become
    /// unavailable), never the whole alive set.
    private func enumerate(layer l: Int, minimumSize: Int, maximumSize: Int) {
        layer = l
        self.minimumSize = minimumSize
        self.maximumSize = maximumSize
        let classCount = classCounts[l]
        let p = classTransactions[l], o = classOffsets[l], m = multiplicity[l]
        // The classes' transaction lists restricted to the alive set.
        var n = 0
        aliveOffsets[0] = 0
        for c in 0..<classCount {
            for j in o[c]..<o[c + 1] {
                let t = Int(p[j])
                if alive[t >> 6] & (1 << UInt64(t & 63)) != 0 { aliveTransactions[n] = Int32(t); n += 1 }
            }
            aliveOffsets[c + 1] = n
            counts[c] = 0
            forbidden[c] = 0
        }
        current = Layer(classCount: classCount, transactions: aliveTransactions, offsets: aliveOffsets, multiplicity: m,
                        dominated: dominatedList[l], dominatedOffsets: dominatedOffsets[l], requirement: requirement + l * count)
        for t in 0..<count { held[t] = 0; available[t] = 0 }
        for c in 0..<classCount {
            for j in aliveOffsets[c]..<aliveOffsets[c + 1] { available[Int(aliveTransactions[j])] += Int32(m[c]) }
        }
        for d in 0..<bucketCount { bucket[d] = 0 }
        coveredWeight = 0
        let r = current.requirement
        for w in 0..<words {
            var bits = alive[w]
            while bits != 0 {
                let t = w << 6 | bits.trailingZeroBitCount
                bits &= bits - 1
                add(t, r[t])
            }
        }
        visit(position: 0, size: 0)
    }

    /// The enumerated layer's data, as plain pointers (the hot loop reads nothing else).
    private struct Layer {
        var classCount = 0
        /// Alive transactions of each class (`offsets[c]..<offsets[c+1]`).
        var transactions: UnsafeMutablePointer<Int32>
        var offsets: UnsafeMutablePointer<Int>
        var multiplicity: UnsafeMutablePointer<Int>
        /// Classes each class dominates (later in the order), flat with offsets.
        var dominated: UnsafeMutablePointer<Int>
        var dominatedOffsets: UnsafeMutablePointer<Int>
        var requirement: UnsafeMutablePointer<Int32>
    }
    private var current: Layer

    /// Adds alive transaction `t` (requirement `r`) to the bound: covered, or in its deficit's
    /// bucket when its available neurons can still meet the deficit.
    @inline(__always) private func add(_ t: Int, _ r: Int32) {
        let d = Int(r - held[t])
        if d <= 0 { coveredWeight += weights[t] } else if d <= Int(available[t]) { bucket[d] += weights[t] }
    }

    @inline(__always) private func remove(_ t: Int, _ r: Int32) {
        let d = Int(r - held[t])
        if d <= 0 { coveredWeight -= weights[t] } else if d <= Int(available[t]) { bucket[d] -= weights[t] }
    }

    /// Changes the neurons held and available for the alive transactions of class `c`.
    @inline(__always) private func change(_ c: Int, held h: Int32, available a: Int32) {
        let layer = current
        let r = layer.requirement
        for j in layer.offsets[c]..<layer.offsets[c + 1] {
            let t = Int(layer.transactions[j])
            remove(t, r[t])
            held[t] += h
            available[t] += a
            add(t, r[t])
        }
    }

    /// Makes the classes `c` dominates unavailable (`by = 1`) or available again (`by = -1`).
    private func forbidDominated(_ c: Int, by delta: Int32) {
        let layer = current
        for k in layer.dominatedOffsets[c]..<layer.dominatedOffsets[c + 1] {
            let d = layer.dominated[k]
            let was = forbidden[d]
            forbidden[d] += delta
            // Availability changes when the class turns forbidden or allowed (not when a second
            // dominator adds to the count).
            if was == 0 && delta > 0 { change(d, held: 0, available: -Int32(layer.multiplicity[d])) }
            if forbidden[d] == 0 && delta < 0 { change(d, held: 0, available: Int32(layer.multiplicity[d])) }
        }
    }

    private func visit(position: Int, size: Int) {
        nodes += 1
        if nodes & 1023 == 1, nodes > nodeLimit || deadline.map({ clock.now >= $0 }) ?? false || control?.isStopRequested == true {
            stopped = true
        }
        if stopped { return }
        let layer = current
        let room = maximumSize - size
        var bound = coveredWeight
        if room > 0 { for d in 1...min(room, bucketCount - 1) { bound += bucket[d] } }
        if bound <= threshold { return }
        if position == layer.classCount || room == 0 {
            if size >= minimumSize && coveredWeight > threshold { leaf(size: size, covered: coveredWeight) }
            return
        }
        if forbidden[position] > 0 {
            // A dominator was not taken whole: this class stays out (its neurons were already
            // removed from the available counts).
            visit(position: position + 1, size: size)
            return
        }
        let m = layer.multiplicity[position]
        change(position, held: 0, available: -Int32(m))
        var k = min(m, room)
        if k == m {
            counts[position] = m
            change(position, held: Int32(m), available: 0)
            visit(position: position + 1, size: size + m)
            change(position, held: -Int32(m), available: 0)
            k -= 1
        }
        if !stopped {
            forbidDominated(position, by: 1)
            while k >= 0 && !stopped {
                counts[position] = k
                if k > 0 { change(position, held: Int32(k), available: 0) }
                visit(position: position + 1, size: size + k)
                if k > 0 { change(position, held: -Int32(k), available: 0) }
                k -= 1
            }
            forbidDominated(position, by: -1)
        }
        counts[position] = 0
        change(position, held: 0, available: Int32(m))
    }

    private func leaf(size: Int, covered: Int) {
        let l = layer
        switch mode {
        case .singleLayer:
            threshold = covered
        case .lastLayer:
            threshold = covered
            best = covered
            improved = true
            for s in 0..<index.layerCount where s != l { bestPath[s] = path[s] }
            for c in 0..<index.classes[l].count { bestPath[l][c] = counts[c] }
        case .collect:
            let r = requirement + l * count
            var uncoveredWeight = 0
            collected.appendUncovered { w in
                var bits = alive[w]
                var out: UInt64 = 0
                while bits != 0 {
                    let b = bits.trailingZeroBitCount
                    bits &= bits - 1
                    let t = w << 6 | b
                    if held[t] < r[t] { out |= 1 << UInt64(b); uncoveredWeight += weights[t] }
                }
                return out
            }
            collected.finishAppend(size: size, uncoveredWeight: uncoveredWeight, counts: counts)
        }
    }
}

/// The sets one layer's enumeration collected: size, uncovered alive transactions (a bitset),
/// their weight, and the class counts that make the set. Stored flat.
struct CandidateList {
    let words: Int
    let classCount: Int
    private(set) var size: [Int] = []
    private(set) var uncoveredWeight: [Int] = []
    private(set) var uncovered: [UInt64] = []
    private(set) var counts: [Int] = []
    var count: Int { size.count }

    init(words: Int, classes: Int) {
        self.words = words
        classCount = classes
    }

    mutating func appendUncovered(_ word: (Int) -> UInt64) {
        for w in 0..<words { uncovered.append(word(w)) }
    }

    mutating func finishAppend(size s: Int, uncoveredWeight u: Int, counts c: UnsafeMutablePointer<Int>) {
        size.append(s)
        uncoveredWeight.append(u)
        for k in 0..<classCount { counts.append(c[k]) }
    }

    /// Drops every set that another one makes redundant (size `≤` and uncovered `⊆`; of equal
    /// ones the first is kept), and sorts the rest by uncovered weight, then size.
    mutating func keepParetoOptimal() {
        let order = (0..<count).sorted { (size[$0], uncoveredWeight[$0], $0) < (size[$1], uncoveredWeight[$1], $1) }
        var kept: [Int] = []
        for k in order {
            var redundant = false
            for j in kept where uncoveredWeight[j] <= uncoveredWeight[k] {
                var subset = true
                for w in 0..<words where uncovered[j * words + w] & ~uncovered[k * words + w] != 0 { subset = false; break }
                if subset { redundant = true; break }
            }
            if !redundant { kept.append(k) }
        }
        kept.sort { (uncoveredWeight[$0], size[$0], $0) < (uncoveredWeight[$1], size[$1], $1) }
        var result = CandidateList(words: words, classes: classCount)
        for k in kept {
            result.size.append(size[k])
            result.uncoveredWeight.append(uncoveredWeight[k])
            result.uncovered.append(contentsOf: uncovered[(k * words)..<((k + 1) * words)])
            result.counts.append(contentsOf: counts[(k * classCount)..<((k + 1) * classCount)])
        }
        self = result
    }
}
