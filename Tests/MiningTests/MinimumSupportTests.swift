import FileSupport
import Mining
import Testing

@Suite struct MinimumSupportTests {
    @Test func countIsTakenAsIs() throws {
        #expect(try MinimumSupport.count(3).count(forTransactionCount: 10) == 3)
        #expect(try MinimumSupport.count(30).count(forTransactionCount: 10) == 30)
    }

    @Test(arguments: [
        (0.3, 10, 3),  // 0.3 · 10 is 3.0000000000000004 in floating point: still 3
        (0.7, 10, 7),  // 0.7 · 10 is 7.000000000000001
        (0.1, 30, 3),  // 0.1 · 30 is 3.0000000000000004
        (0.5, 133, 67),
        (0.5, 132, 66),
        (0.31, 10, 4),
        (1.0, 133, 133),
        (0.01, 133, 2),
        (0.5, 0, 1),   // an empty database still needs one transaction
        (1e-9, 5, 1),
    ])
    func fractionRoundsUp(fraction: Double, transactions: Int, expected: Int) throws {
        #expect(try MinimumSupport.fraction(fraction).count(forTransactionCount: transactions) == expected)
    }

    @Test(arguments: [0.0, -0.5, 1.0000001, 2, .nan, .infinity])
    func fractionOutsideUnitIntervalIsAnError(fraction: Double) throws {
        let error = #expect(throws: InputError.self) {
            try MinimumSupport.fraction(fraction).count(forTransactionCount: 10)
        }
        #expect(error?.message.contains("(0, 1]") == true)
    }

    @Test(arguments: [0, -3])
    func countBelowOneIsAnError(count: Int) throws {
        let error = #expect(throws: InputError.self) {
            try MinimumSupport.count(count).count(forTransactionCount: 10)
        }
        #expect(error?.message.contains("at least 1") == true)
    }

    @Test func queryChecksSizesAndLayout() throws {
        let db = database(4, [[0, 1], [2, 3]])
        #expect(throws: InputError.self) {
            try MiningQuery(target: .maximal, minimumSupport: .count(1), minSize: 0).resolved(for: db)
        }
        #expect(throws: InputError.self) {
            try MiningQuery(target: .maximal, minimumSupport: .count(1), minSize: 3, maxSize: 2).resolved(for: db)
        }
        let wrongLayout = try LayerLayout(widths: [2, 3])
        let error = #expect(throws: InputError.self) {
            try MiningQuery(target: .maximal, minimumSupport: .count(1), layerComplete: wrongLayout).resolved(for: db)
        }
        #expect(error?.message == "layer widths 2,3 sum to 5 but the transactions have 4 items")
        let resolved = try MiningQuery(target: .closed, minimumSupport: .fraction(0.5), minSize: 2).resolved(for: db)
        #expect(resolved.minimumSupportCount == 1)
        #expect(resolved.maxSize == Int.max)
    }

    @Test func everyMinerRejectsABadQuery() {
        let db = database(2, [[0, 1]])
        for miner in allMiners {
            #expect(throws: InputError.self) {
                try miner.itemsets(db, MiningQuery(target: .frequent, minimumSupport: .fraction(1.5)))
            }
        }
    }
}
