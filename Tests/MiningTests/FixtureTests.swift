import Mining
import Testing

/// A small database with a hand-derived answer.
struct Fixture: Sendable, CustomTestStringConvertible {
    let name: String
    let database: TransactionDatabase
    let query: MiningQuery
    let expected: [Itemset]
    var testDescription: String { name }
}

// T = {0 1 2}, {0 1}, {0 2}, {0 1 2 3}. Tid-sets: 0 → all four, 1 → 1st 2nd 4th,
// 2 → 1st 3rd 4th, 3 → 4th. Closed sets are the intersections of transactions.
private let nested = database(4, [[0, 1, 2], [0, 1], [0, 2], [0, 1, 2, 3]])

// Layers {0 1} | {2} | {3 4}. At support 2 the maximal sets are {0 2 3}, {1 4} and {2 4};
// only {0 2 3} touches all three layers ({1 4} misses layer 2, {2 4} misses layer 1).
private let layered = database(5, [[0, 2, 3], [0, 2, 3], [0, 2, 4], [1, 2, 4], [1, 4], [0, 1]])
private let layers = try! LayerLayout(widths: [2, 1, 2])

private func query(_ target: MiningTarget, _ support: MinimumSupport, minSize: Int = 1,
                   maxSize: Int? = nil, layerComplete: LayerLayout? = nil) -> MiningQuery {
    MiningQuery(target: target, minimumSupport: support, minSize: minSize, maxSize: maxSize,
                layerComplete: layerComplete)
}

let fixtures: [Fixture] = [
    // Empty database: a fraction still needs one transaction, so nothing is frequent.
    Fixture(name: "empty database, frequent", database: database(3, []),
            query: query(.frequent, .fraction(0.5)), expected: []),
    Fixture(name: "empty database, maximal", database: database(3, []),
            query: query(.maximal, .count(1)), expected: []),
    Fixture(name: "no items", database: database(0, [[], []]),
            query: query(.closed, .count(1)), expected: []),
    Fixture(name: "only empty transactions", database: database(3, [[], [], []]),
            query: query(.maximal, .count(1)), expected: []),

    // One transaction.
    Fixture(name: "one transaction, frequent", database: database(3, [[0, 1, 2]]),
            query: query(.frequent, .count(1)),
            expected: sets([([0], 1), ([0, 1], 1), ([0, 1, 2], 1), ([0, 2], 1), ([1], 1), ([1, 2], 1), ([2], 1)])),
    Fixture(name: "one transaction, closed", database: database(3, [[0, 1, 2]]),
            query: query(.closed, .fraction(1)), expected: sets([([0, 1, 2], 1)])),
    Fixture(name: "one transaction, maximal", database: database(3, [[0, 1, 2]]),
            query: query(.maximal, .count(1)), expected: sets([([0, 1, 2], 1)])),
    Fixture(name: "one transaction, support above |T|", database: database(3, [[0, 1, 2]]),
            query: query(.frequent, .count(2)), expected: []),

    // All transactions identical.
    Fixture(name: "identical, frequent", database: database(4, Array(repeating: [1, 3], count: 4)),
            query: query(.frequent, .fraction(0.5)), expected: sets([([1], 4), ([1, 3], 4), ([3], 4)])),
    Fixture(name: "identical, closed", database: database(4, Array(repeating: [1, 3], count: 4)),
            query: query(.closed, .count(4)), expected: sets([([1, 3], 4)])),
    Fixture(name: "identical, maximal", database: database(4, Array(repeating: [1, 3], count: 4)),
            query: query(.maximal, .count(2)), expected: sets([([1, 3], 4)])),

    // Disjoint transactions.
    Fixture(name: "disjoint, frequent", database: database(5, [[0, 1], [2, 3], [4]]),
            query: query(.frequent, .count(1)),
            expected: sets([([0], 1), ([0, 1], 1), ([1], 1), ([2], 1), ([2, 3], 1), ([3], 1), ([4], 1)])),
    Fixture(name: "disjoint, closed", database: database(5, [[0, 1], [2, 3], [4]]),
            query: query(.closed, .count(1)), expected: sets([([0, 1], 1), ([2, 3], 1), ([4], 1)])),
    Fixture(name: "disjoint, maximal", database: database(5, [[0, 1], [2, 3], [4]]),
            query: query(.maximal, .count(1)), expected: sets([([0, 1], 1), ([2, 3], 1), ([4], 1)])),
    Fixture(name: "disjoint, support 2", database: database(5, [[0, 1], [2, 3], [4]]),
            query: query(.maximal, .count(2)), expected: []),

    // Nested transactions at supports |T|, 3, 2 and 1.
    Fixture(name: "support |T|, frequent", database: nested, query: query(.frequent, .fraction(1)),
            expected: sets([([0], 4)])),
    Fixture(name: "support |T|, closed", database: nested, query: query(.closed, .count(4)),
            expected: sets([([0], 4)])),
    Fixture(name: "support |T|, maximal", database: nested, query: query(.maximal, .count(4)),
            expected: sets([([0], 4)])),
    Fixture(name: "support 3, frequent", database: nested, query: query(.frequent, .count(3)),
            expected: sets([([0], 4), ([0, 1], 3), ([0, 2], 3), ([1], 3), ([2], 3)])),
    Fixture(name: "support 3, closed", database: nested, query: query(.closed, .fraction(0.75)),
            expected: sets([([0], 4), ([0, 1], 3), ([0, 2], 3)])),
    Fixture(name: "support 3, maximal", database: nested, query: query(.maximal, .count(3)),
            expected: sets([([0, 1], 3), ([0, 2], 3)])),
    Fixture(name: "support 2, frequent", database: nested, query: query(.frequent, .count(2)),
            expected: sets([([0], 4), ([0, 1], 3), ([0, 1, 2], 2), ([0, 2], 3), ([1], 3), ([1, 2], 2), ([2], 3)])),
    Fixture(name: "support 2, closed", database: nested, query: query(.closed, .count(2)),
            expected: sets([([0], 4), ([0, 1], 3), ([0, 1, 2], 2), ([0, 2], 3)])),
    Fixture(name: "support 2, maximal", database: nested, query: query(.maximal, .fraction(0.5)),
            expected: sets([([0, 1, 2], 2)])),
    Fixture(name: "support 1, closed", database: nested, query: query(.closed, .count(1)),
            expected: sets([([0], 4), ([0, 1], 3), ([0, 1, 2], 2), ([0, 1, 2, 3], 1), ([0, 2], 3)])),
    Fixture(name: "support 1, maximal", database: nested, query: query(.maximal, .count(1)),
            expected: sets([([0, 1, 2, 3], 1)])),

    // Size bounds filter the target's sets; a too-large maximal set does not make its
    // subsets maximal.
    Fixture(name: "sizes 2...2, frequent", database: nested, query: query(.frequent, .count(2), minSize: 2, maxSize: 2),
            expected: sets([([0, 1], 3), ([0, 2], 3), ([1, 2], 2)])),
    Fixture(name: "min size 2, closed", database: nested, query: query(.closed, .count(2), minSize: 2),
            expected: sets([([0, 1], 3), ([0, 1, 2], 2), ([0, 2], 3)])),
    Fixture(name: "max size 2, closed", database: nested, query: query(.closed, .count(2), maxSize: 2),
            expected: sets([([0], 4), ([0, 1], 3), ([0, 2], 3)])),
    Fixture(name: "max size 2, maximal", database: nested, query: query(.maximal, .count(2), maxSize: 2),
            expected: []),
    Fixture(name: "min size 4, maximal", database: nested, query: query(.maximal, .count(2), minSize: 4),
            expected: []),
    Fixture(name: "min size 3, maximal", database: nested, query: query(.maximal, .count(2), minSize: 3),
            expected: sets([([0, 1, 2], 2)])),

    // Layer-complete filter (answers derived by hand; see `layered`).
    Fixture(name: "layered, maximal, unfiltered", database: layered, query: query(.maximal, .count(2)),
            expected: sets([([0, 2, 3], 2), ([1, 4], 2), ([2, 4], 2)])),
    Fixture(name: "layered, maximal, layer-complete", database: layered,
            query: query(.maximal, .count(2), layerComplete: layers), expected: sets([([0, 2, 3], 2)])),
    Fixture(name: "layered, closed, unfiltered", database: layered, query: query(.closed, .count(2)),
            expected: sets([([0], 4), ([0, 2], 3), ([0, 2, 3], 2), ([1], 3), ([1, 4], 2), ([2], 4), ([2, 4], 2), ([4], 3)])),
    Fixture(name: "layered, closed, layer-complete", database: layered,
            query: query(.closed, .count(2), layerComplete: layers), expected: sets([([0, 2, 3], 2)])),
    Fixture(name: "layered, frequent, layer-complete", database: layered,
            query: query(.frequent, .count(2), layerComplete: layers), expected: sets([([0, 2, 3], 2)])),
    // At support 1 the maximal sets are the transactions {0 2 3}, {0 2 4}, {1 2 4}, {0 1};
    // {0 1} has no item of layers 2 and 3.
    Fixture(name: "layered, support 1, maximal, layer-complete", database: layered,
            query: query(.maximal, .count(1), layerComplete: layers),
            expected: sets([([0, 2, 3], 2), ([0, 2, 4], 1), ([1, 2, 4], 1)])),
    Fixture(name: "layered, layer-complete and max size 2", database: layered,
            query: query(.frequent, .count(1), maxSize: 2, layerComplete: try! LayerLayout(widths: [2, 3])),
            expected: sets([([0, 2], 3), ([0, 3], 2), ([0, 4], 1), ([1, 2], 1), ([1, 4], 2)])),
]

@Suite struct FixtureTests {
    @Test(arguments: fixtures, MinerKind.allCases)
    func minerMatchesHandDerivedAnswer(fixture: Fixture, kind: MinerKind) throws {
        let result = try kind.miner.itemsets(fixture.database, fixture.query)
        #expect(result == fixture.expected)
        #expect(isInDocumentedOrder(result))
    }

    @Test func maximalItemsetsConvenience() throws {
        let result = try layered.maximalItemsets(minimumSupportCount: 2, layerComplete: layers)
        #expect(result == sets([([0, 2, 3], 2)]))
        #expect(try layered.maximalItemsets(minimumSupportCount: 2).count == 3)
    }

    @Test func visitorSeesAscendingItems() throws {
        var seen: [[Int]] = []
        try BitsetMiner().mine(nested, query(.frequent, .count(1))) { items, _ in seen.append(Array(items)) }
        #expect(seen.count == 15)
        #expect(seen.allSatisfy { $0 == $0.sorted() })
        #expect(try BitsetMiner().count(nested, query(.closed, .count(1))) == 5)
    }

    @Test func bruteForceRefusesTooManyItems() {
        let db = database(21, [Array(0..<21)])
        #expect(throws: (any Error).self) {
            try BruteForceMiner().itemsets(db, query(.maximal, .count(1)))
        }
    }
}

/// More than 64 layers: the search cannot track layers in one word and falls back to the
/// exact check on each result.
@Suite struct ManyLayersTests {
    // 66 items, one per layer; the third transaction lacks item 5.
    let db = database(66, [Array(0..<66), Array(0..<66), (0..<66).filter { $0 != 5 }])
    let layout = try! LayerLayout(widths: Array(repeating: 1, count: 66))

    @Test func maximalAndClosed() throws {
        let all = Itemset(items: Array(0..<66), support: 2)
        for miner in allMiners where !(miner is BruteForceMiner) {
            #expect(try miner.itemsets(db, MiningQuery(target: .maximal, minimumSupport: .count(2), layerComplete: layout)) == [all])
            #expect(try miner.itemsets(db, MiningQuery(target: .closed, minimumSupport: .count(2), layerComplete: layout)) == [all])
            #expect(try miner.itemsets(db, MiningQuery(target: .closed, minimumSupport: .count(2))).count == 2)
            #expect(try miner.itemsets(db, MiningQuery(target: .maximal, minimumSupport: .count(3), layerComplete: layout)) == [])
        }
    }
}

@Suite struct VisitorTests {
    struct Enough: Error {}

    /// A visitor's error stops the search and reaches the caller, for every miner and target.
    @Test(arguments: MinerKind.allCases, MiningTarget.allCases)
    func errorFromVisitorStopsTheSearch(kind: MinerKind, target: MiningTarget) {
        let db = database(8, [[0, 1, 2], [2, 3, 4], [4, 5, 6], [6, 7, 0]])
        var visited = 0
        #expect(throws: Enough.self) {
            try kind.miner.mine(db, MiningQuery(target: target, minimumSupport: .count(1))) { _, _ in
                visited += 1
                if visited == 2 { throw Enough() }
            }
        }
        #expect(visited == 2)
    }
}
