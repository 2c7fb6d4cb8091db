/// Improves a backbone of at most `budget` neurons by local search: fill up to the budget with
/// the best additions, then best-improvement swaps (one neuron out, one in), with a few random
/// double swaps to leave local optima. Coverage is kept per transaction and layer, so a move
/// costs the transactions of the neurons it touches. It proves nothing; it gives the exact
/// searches strong incumbents (a higher incumbent cuts more of their trees).
struct CoverLocalSearch {
    private let index: LayerClasses
    private let count: Int
    private let layers: Int
    /// Neuron ids, their layer and their transactions.
    private let neurons: [Int]
    private let layerOf: [Int]
    private let transactions: [[Int32]]
    private let position: [Int: Int]

    init(index: LayerClasses) {
        self.index = index
        count = index.transactionCount
        layers = index.layerCount
        var neurons: [Int] = [], layerOf: [Int] = [], transactions: [[Int32]] = []
        for l in 0..<index.layerCount {
            for c in index.classes[l] {
                for i in c.neurons { neurons.append(i); layerOf.append(l); transactions.append(c.transactions) }
            }
        }
        self.neurons = neurons
        self.layerOf = layerOf
        self.transactions = transactions
        var position: [Int: Int] = [:]
        for (k, i) in neurons.enumerated() { position[i] = k }
        self.position = position
    }

    /// The best backbone found from `start` (neuron ids) within `rounds` perturbations, and
    /// its covered weight.
    func improve(_ start: [Int], budget: Int, rounds: Int, seed: UInt64) -> (backbone: [Int], covered: Int) {
        var state = State(search: self)
        for i in start { if let k = position[i], !state.chosen[k] { state.add(k) } }
        var rng = seed | 1
        func random(_ n: Int) -> Int {
            rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
            return Int(rng % UInt64(n))
        }
        var best = (state.members, state.covered)
        for round in 0...rounds {
            // Fill the budget with the best single additions.
            while state.members.count < budget {
                var pick = -1, gain = -1
                for k in neurons.indices where !state.chosen[k] {
                    let g = state.gain(adding: k)
                    if g > gain { gain = g; pick = k }
                }
                if pick < 0 { break }
                state.add(pick)
            }
            // Best-improvement swaps until none helps.
            while true {
                var out = -1, into = -1, bestDelta = 0
                for o in state.members {
                    let loss = state.remove(o)
                    for k in neurons.indices where !state.chosen[k] && k != o {
                        let d = state.gain(adding: k) - loss
                        if d > bestDelta { bestDelta = d; out = o; into = k }
                    }
                    state.add(o)
                }
                if out < 0 { break }
                _ = state.remove(out)
                state.add(into)
            }
            if state.covered > best.1 { best = (state.members, state.covered) }
            if round == rounds || state.members.isEmpty { break }
            // Perturb: two random swaps.
            for _ in 0..<2 {
                let o = state.members[random(state.members.count)]
                _ = state.remove(o)
                let free = neurons.indices.filter { !state.chosen[$0] && $0 != o }
                if free.isEmpty { state.add(o); continue }
                state.add(free[random(free.count)])
            }
        }
        return (best.0.map { neurons[$0] }.sorted(), best.1)
    }

    /// Coverage bookkeeping for one backbone.
    private struct State {
        let search: CoverLocalSearch
        var chosen: [Bool]
        var members: [Int] = []
        /// Neurons held per transaction and layer, and layers still short per transaction.
        var held: [Int32]
        var short: [Int32]
        var covered = 0

        init(search: CoverLocalSearch) {
            self.search = search
            chosen = [Bool](repeating: false, count: search.neurons.count)
            held = [Int32](repeating: 0, count: search.count * search.layers)
            short = [Int32](repeating: 0, count: search.count)
            let r = search.index.requirement
            for t in 0..<search.count {
                for l in 0..<search.layers where r[l * search.count + t] > 0 { short[t] += 1 }
                if short[t] == 0 { covered += search.index.weights[t] }
            }
        }

        /// Weight newly covered if neuron `k` were added.
        func gain(adding k: Int) -> Int {
            let l = search.layerOf[k], n = search.count
            var g = 0
            for t32 in search.transactions[k] {
                let t = Int(t32)
                if held[t * search.layers + l] + 1 == search.index.requirement[l * n + t] && short[t] == 1 { g += search.index.weights[t] }
            }
            return g
        }

        mutating func add(_ k: Int) {
            chosen[k] = true
            members.append(k)
            let l = search.layerOf[k], n = search.count
            for t32 in search.transactions[k] {
                let t = Int(t32)
                held[t * search.layers + l] += 1
                if held[t * search.layers + l] == search.index.requirement[l * n + t] {
                    short[t] -= 1
                    if short[t] == 0 { covered += search.index.weights[t] }
                }
            }
        }

        /// Removes neuron `k`; returns the weight lost.
        mutating func remove(_ k: Int) -> Int {
            chosen[k] = false
            members.removeAll { $0 == k }
            let l = search.layerOf[k], n = search.count
            var lost = 0
            for t32 in search.transactions[k] {
                let t = Int(t32)
                if held[t * search.layers + l] == search.index.requirement[l * n + t] {
                    if short[t] == 0 { covered -= search.index.weights[t]; lost += search.index.weights[t] }
                    short[t] += 1
                }
                held[t * search.layers + l] -= 1
            }
            return lost
        }
    }
}
