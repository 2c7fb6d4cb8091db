import LinearModel

/// The exact `q = 1` front by a combinatorial branch and bound (no ILP solver).
///
/// At `q = 1` a backbone covers exactly the transactions it contains, so the best backbone
/// of size at most `K` is a union of transactions: the problem is to choose transactions,
/// maximizing their total weight, whose union has at most `K` neurons. The search branches
/// on transactions (include, then exclude) over bitsets:
///
/// - **Closure**: including a transaction also includes, for free, every candidate it makes
///   a subset of the union; a branch whose union swallows a transaction excluded above it is
///   dropped, because including that transaction there loses nothing (its sibling explored
///   the same unions with more weight). Only unions of transactions are visited, each once.
/// - **Bound** (valid for any node): spread each candidate transaction's weight evenly over
///   the `d` neurons it would add to the union (`w/d` each) and let `π_i` be neuron `i`'s
///   total. Whatever set `S` of candidates is added, `w(S) ≤ Σ_{i ∈ new union} π_i`, and the
///   new union has at most `r = K − |union|` neurons, so `w(S)` is at most the sum of the `r`
///   largest `π_i`. When all candidates fit together, the node is solved outright.
/// - **Tighter bound**: the same, with each weight spread in proportion to `1/π_i²` (any
///   spread gives a valid bound; this one moves weight off the most loaded neurons, and cut
///   the nodes of the hardest digits front about 50-fold); the smaller bound is used.
/// - **Branching**: the heaviest candidate (ties: fewest added neurons), included first.
///
/// Points are solved in order of `K`; each starts from the previous optimum (a larger budget
/// never covers less) and from the seeds. Neurons active in every transaction (the model's
/// core) are in every useful backbone and are left out of the bitsets.
public struct CoverSearch: Sendable {
    /// The name this method carries in reports (in place of a solver's).
    public static let name = "search"
    public static let version = "branch and bound"
    /// Seconds per point; a point stopped by it carries its incumbent and the tighter of the
    /// root's bound and the split bound of the single-layer fronts (`LayerJoinEngine`).
    public var timeLimit: Double? {
        get { limits.timeLimit }
        set { limits.timeLimit = newValue }
    }
    /// The per-point limit, the front's deadline and the run's stop request.
    public var limits = SweepLimits()
    /// Stop after this budget even if the group is not fully covered (nil: to full coverage).
    public var maxBudget: Int?
    /// Called after each point (for progress lines).
    public var onPoint: (@Sendable (FrontPoint) -> Void)?

    public init(timeLimit: Double? = nil, maxBudget: Int? = nil, onPoint: (@Sendable (FrontPoint) -> Void)? = nil) {
        self.limits = SweepLimits(timeLimit: timeLimit)
        self.maxBudget = maxBudget
        self.onPoint = onPoint
    }

    public func run(_ model: CoverModel, groupName: String, seeds: [[Int]] = []) throws -> ExactFront {
        guard model.rule.share == 1 else {
            throw CoreError.invalidArgument("the search computes q = 1 fronts only (got \(model.rule)); use an ILP solver for q < 1")
        }
        guard model.group.instanceCount > 0 else { throw CoreError.emptyGroup(groupName) }
        let group = model.group
        let engine = CoverSearchEngine(group: group, core: model.coreNeurons)
        let clock = ContinuousClock()
        var splitBounds: LayerJoinEngine?
        let sweep = BudgetSweep(model: model, maxBudget: maxBudget, seeds: seeds, onPoint: onPoint, limits: limits)
        engine.control = limits.control
        return try sweep.run(groupName: groupName, method: Self.name, version: Self.version) { budget, start, timeLimit in
            let began = clock.now
            let deadline = timeLimit.map { began.advanced(by: .nanoseconds(Int64(($0 * 1e9).rounded()))) }
            let outcome = engine.solve(budget: budget, incumbent: start.covered, deadline: deadline)
            let backbone = outcome.union ?? start.backbone
            let covered = max(outcome.best, start.covered)
            var bound = Double(covered)
            if outcome.stopped {
                // The root's bound, or the split bound of the single-layer fronts when tighter.
                if splitBounds == nil { splitBounds = LayerJoinEngine(group: group, rule: model.rule) }
                let split = splitBounds!.upperBound(budget: budget, atLeast: covered, timeLimit: timeLimit)
                bound = max(Double(covered), min(outcome.rootBound, Double(split)))
            }
            return FrontPoint(budget: budget, backbone: backbone, covered: covered, of: group.instanceCount,
                              status: outcome.stopped ? .timeLimit : .optimal, bound: bound,
                              seconds: (clock.now - began).seconds, solver: Self.name)
        }
    }
}

/// The branch and bound of `CoverSearch` for one group, reused across budgets. Transactions
/// are bitsets over the group's non-core neurons (`words` 64-bit words each); the search
/// keeps its unions, candidate lists and excluded transactions on stacks in buffers
/// allocated once, so a node allocates nothing (and pays no copy-on-write or exclusivity
/// checks: this loop is the whole cost of a front).
final class CoverSearchEngine {
    struct Outcome {
        /// Best weight found, counting the free transactions; at least the incumbent.
        var best: Int
        /// The backbone (neuron ids, ascending) reaching `best`, when it beats the incumbent.
        var union: [Int]?
        /// An upper bound on the optimum (the root's); meaningful when `stopped`.
        var rootBound: Double
        var stopped: Bool
        var nodes: Int
    }

    let words: Int
    let count: Int
    let core: [Int]
    /// Neuron id of each bit.
    let bitNeuron: [Int]
    /// Transaction `j`'s bits at `sets[j*words ..< (j+1)*words]`.
    private let sets: UnsafeMutablePointer<UInt64>
    private let sizes: UnsafeMutablePointer<Int>
    private let weights: UnsafeMutablePointer<Int>
    /// One union per depth (`words` each).
    private let unions: UnsafeMutablePointer<UInt64>
    private let bestUnion: UnsafeMutablePointer<UInt64>
    private let newBits: UnsafeMutablePointer<UInt64>
    /// Per bit: even shares, their inverse squares, rebalanced shares; and a scratch list.
    private let share: UnsafeMutablePointer<Double>
    private let inverse: UnsafeMutablePointer<Double>
    private let rebalanced: UnsafeMutablePointer<Double>
    private let values: UnsafeMutablePointer<Double>
    private let excluded: UnsafeMutablePointer<Int32>
    private var excludedCount = 0
    /// The candidate lists of the current path, each after its parent's (grown on demand).
    private var candidates: UnsafeMutablePointer<Int32>
    private var candidateCapacity: Int

    private var budget = 0
    private var best = 0
    private var improved = false
    private var nodes = 0
    private var deadline: ContinuousClock.Instant?
    /// The run's stop request, checked with the deadline.
    var control: RunControl?
    private var stopped = false
    private var rootBound = 0.0
    private let clock = ContinuousClock()

    init(group: GroupTransactions, core: [Int]) {
        let coreSet = Set(core)
        let free = group.usedNeurons.filter { !coreSet.contains($0) }
        var bitOf: [Int: Int] = [:]
        for (b, i) in free.enumerated() { bitOf[i] = b }
        let words = max(1, (free.count + 63) / 64)
        let count = group.distinct.count
        self.words = words
        self.count = count
        self.core = core
        bitNeuron = free
        sets = .allocate(capacity: count * words)
        sets.initialize(repeating: 0, count: count * words)
        sizes = .allocate(capacity: count)
        sizes.initialize(repeating: 0, count: count)
        weights = .allocate(capacity: count)
        for (j, t) in group.distinct.enumerated() {
            weights[j] = group.weights[j]
            for i in t {
                guard let b = bitOf[i] else { continue }
                sets[j * words + b >> 6] |= 1 << UInt64(b & 63)
                sizes[j] += 1
            }
        }
        unions = .allocate(capacity: words * (count + 2))
        unions.initialize(repeating: 0, count: words * (count + 2))
        bestUnion = .allocate(capacity: words)
        bestUnion.initialize(repeating: 0, count: words)
        newBits = .allocate(capacity: words)
        newBits.initialize(repeating: 0, count: words)
        let bits = words * 64
        share = .allocate(capacity: bits)
        share.initialize(repeating: 0, count: bits)
        inverse = .allocate(capacity: bits)
        inverse.initialize(repeating: 0, count: bits)
        rebalanced = .allocate(capacity: bits)
        rebalanced.initialize(repeating: 0, count: bits)
        values = .allocate(capacity: bits)
        values.initialize(repeating: 0, count: bits)
        excluded = .allocate(capacity: max(1, count))
        candidateCapacity = max(64, 4 * count)
        candidates = .allocate(capacity: candidateCapacity)
    }

    deinit {
        for p in [share, inverse, rebalanced, values] { p.deallocate() }
        for p in [sets, unions, bestUnion, newBits] { p.deallocate() }
        sizes.deallocate()
        weights.deallocate()
        excluded.deallocate()
        candidates.deallocate()
    }

    /// The best total weight of transactions whose union (with the core) has at most
    /// `budget` neurons; `incumbent` is a weight known to be reachable.
    func solve(budget k: Int, incumbent: Int, deadline: ContinuousClock.Instant?) -> Outcome {
        budget = k - core.count
        best = incumbent
        improved = false
        nodes = 0
        stopped = false
        excludedCount = 0
        self.deadline = deadline
        for w in 0..<words { unions[w] = 0 }
        // Transactions equal to the core are covered by the core alone; the rest that fit
        // the budget on their own are the root's candidates.
        var weight = 0, top = 0, fitting = 0
        rootBound = -1
        if budget >= 0 {
            for j in 0..<count where sizes[j] <= budget {
                fitting += weights[j]
                if sizes[j] == 0 { weight += weights[j]; continue }
                candidates[top] = Int32(j); top += 1
            }
            visit(depth: 0, weight: weight, used: 0, lo: 0, hi: top)
        }
        // Stopped before the root's bound: every transaction that fits on its own still bounds it.
        if rootBound < 0 { rootBound = stopped ? Double(max(best, fitting)) : Double(best) }
        var union: [Int]?
        if improved {
            var ids = core
            for b in 0..<bitNeuron.count where bestUnion[b >> 6] & (1 << UInt64(b & 63)) != 0 { ids.append(bitNeuron[b]) }
            union = ids.sorted()
        }
        return Outcome(best: best, union: union, rootBound: rootBound, stopped: stopped, nodes: nodes)
    }

    /// Room for `needed` candidate slots (the lists move when the buffer grows).
    private func reserveCandidates(_ needed: Int) {
        guard needed > candidateCapacity else { return }
        let capacity = max(needed, 2 * candidateCapacity)
        let grown = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        grown.update(from: candidates, count: candidateCapacity)
        candidates.deallocate()
        candidates = grown
        candidateCapacity = capacity
    }

    /// A node: the union at `unions[depth]` (`used` neurons), its weight, candidates
    /// `candidates[lo..<hi]` (transactions not in the union that still fit the budget with
    /// it). Candidates are excluded one by one in a loop (the exclude branch), each after
    /// its include branch.
    private func visit(depth: Int, weight: Int, used: Int, lo: Int, hi start: Int) {
        let u = unions + depth * words
        if weight > best {
            best = weight
            improved = true
            bestUnion.update(from: u, count: words)
        }
        var hi = start
        let excludedAtEntry = excludedCount
        defer { excludedCount = excludedAtEntry }
        let room = budget - used
        while hi > lo {
            nodes += 1
            if nodes & 1023 == 1, deadline.map({ clock.now >= $0 }) ?? false || control?.isStopRequested == true { stopped = true }  // nodes 1, 1025, …
            if stopped { return }
            for w in 0..<words { newBits[w] = 0 }
            // First pass: the candidates' weight, their new neurons' even shares, the pick.
            var total = 0, pick = lo, pickWeight = -1, pickAdds = Int.max
            for index in lo..<hi {
                let j = Int(candidates[index])
                let t = sets + j * words
                var d = 0
                for w in 0..<words { d += (t[w] & ~u[w]).nonzeroBitCount }
                let s = Double(weights[j]) / Double(d)
                for w in 0..<words {
                    var bits = t[w] & ~u[w]
                    newBits[w] |= bits
                    while bits != 0 {
                        share[w << 6 | bits.trailingZeroBitCount] += s
                        bits &= bits - 1
                    }
                }
                total += weights[j]
                if weights[j] > pickWeight || (weights[j] == pickWeight && d < pickAdds) {
                    pick = index; pickWeight = weights[j]; pickAdds = d
                }
            }
            var m = 0
            for w in 0..<words { m += newBits[w].nonzeroBitCount }
            if m <= room {
                // Every candidate fits at once: this node is solved.
                clearShares()
                if depth == 0, rootBound < 0 { rootBound = Double(weight + total) }
                if weight + total > best {
                    best = weight + total
                    improved = true
                    for w in 0..<words { bestUnion[w] = u[w] | newBits[w] }
                }
                return
            }
            var bound = Double(weight) + largestSum(of: share, room)
            if Int((bound + 1e-7).rounded(.down)) > best {
                // Second pass: the same bound with each weight spread in proportion to 1/π_i²,
                // which moves it off the neurons the first spread loaded most (often much tighter).
                rebalance(lo: lo, hi: hi, union: u)
                bound = min(bound, Double(weight) + largestSum(of: rebalanced, room))
            }
            clearShares()
            if depth == 0, rootBound < 0 { rootBound = min(bound, Double(weight + total)) }
            if Int((bound + 1e-7).rounded(.down)) <= best { return }

            // Include the pick (and, for free, every candidate its union swallows).
            let j = Int(candidates[pick])
            let child = u + words
            var childUsed = 0
            for w in 0..<words {
                child[w] = u[w] | sets[j * words + w]
                childUsed += child[w].nonzeroBitCount
            }
            if !swallowsExcluded(child) {
                reserveCandidates(hi + (hi - lo))
                var childWeight = weight + weights[j]
                var childHi = hi
                for index in lo..<hi where index != pick {
                    let k = Int(candidates[index])
                    let t = sets + k * words
                    var inside = true, size = 0
                    for w in 0..<words {
                        if t[w] & ~child[w] != 0 { inside = false }
                        size += (t[w] | child[w]).nonzeroBitCount
                    }
                    if inside {
                        childWeight += weights[k]
                    } else if size <= budget {
                        candidates[childHi] = Int32(k); childHi += 1
                    }
                }
                visit(depth: depth + 1, weight: childWeight, used: childUsed, lo: hi, hi: childHi)
                if stopped { return }
            }
            // Exclude it: swap it out of the live range and remember it.
            candidates.advanced(by: pick).pointee = candidates[hi - 1]
            candidates[hi - 1] = Int32(j)
            excluded[excludedCount] = Int32(j)
            excludedCount += 1
            hi -= 1
        }
    }

    /// Whether `union` contains a transaction excluded on the current path.
    private func swallowsExcluded(_ union: UnsafeMutablePointer<UInt64>) -> Bool {
        for e in 0..<excludedCount {
            let t = sets + Int(excluded[e]) * words
            var inside = true
            for w in 0..<words where t[w] & ~union[w] != 0 { inside = false; break }
            if inside { return true }
        }
        return false
    }

    /// Spreads each candidate's weight over its new neurons `i` in proportion to `1/π_i²`
    /// (π: the even spread's shares, in `share`) into `rebalanced`.
    private func rebalance(lo: Int, hi: Int, union u: UnsafeMutablePointer<UInt64>) {
        for w in 0..<words {
            var bits = newBits[w]
            while bits != 0 {
                let b = w << 6 | bits.trailingZeroBitCount
                inverse[b] = 1 / (share[b] * share[b])
                rebalanced[b] = 0
                bits &= bits - 1
            }
        }
        for index in lo..<hi {
            let j = Int(candidates[index])
            let t = sets + j * words
            var z = 0.0
            for w in 0..<words {
                var bits = t[w] & ~u[w]
                while bits != 0 { z += inverse[w << 6 | bits.trailingZeroBitCount]; bits &= bits - 1 }
            }
            let scale = Double(weights[j]) / z
            for w in 0..<words {
                var bits = t[w] & ~u[w]
                while bits != 0 {
                    let b = w << 6 | bits.trailingZeroBitCount
                    rebalanced[b] += scale * inverse[b]
                    bits &= bits - 1
                }
            }
        }
    }

    /// Zeroes the even shares of the new neurons, for the next node.
    private func clearShares() {
        for w in 0..<words {
            var bits = newBits[w]
            while bits != 0 { share[w << 6 | bits.trailingZeroBitCount] = 0; bits &= bits - 1 }
        }
    }

    /// The sum of the `r` largest per-bit values of the new neurons (`newBits`).
    private func largestSum(of perBit: UnsafeMutablePointer<Double>, _ r: Int) -> Double {
        if r <= 0 { return 0 }
        var m = 0
        for w in 0..<words {
            var bits = newBits[w]
            while bits != 0 {
                values[m] = perBit[w << 6 | bits.trailingZeroBitCount]; m += 1
                bits &= bits - 1
            }
        }
        // Quickselect: move the r largest to the front, then add them up.
        var left = 0, right = m - 1
        while left < right {
            let pivot = values[(left + right) / 2]
            var i = left, j = right
            while i <= j {
                while values[i] > pivot { i += 1 }
                while values[j] < pivot { j -= 1 }
                if i <= j { let x = values[i]; values[i] = values[j]; values[j] = x; i += 1; j -= 1 }
            }
            if r - 1 <= j { right = j } else if r - 1 >= i { left = i } else { break }
        }
        var sum = 0.0
        for i in 0..<min(r, m) { sum += values[i] }
        return sum
    }
}
