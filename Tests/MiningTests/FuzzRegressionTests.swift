import FileSupport
import Foundation
@testable import Mining
import Testing
import TestSupport

/// The fuzzing reproducers of the Mining module (Tests/Fixtures/fuzz) and the limits they led to.
@Suite struct FuzzRegressionTests {
    /// One id of 2^20 and 10,000 blank lines: the dense bit rows needed 1.3 GB (7.9 GB for the
    /// 60,000-line twin). Renumbered, the rows take one word each, and the answer is the same.
    @Test func sparseIdsAreRenumberedNotAllocated() throws {
        let path = TestPaths.fixture("fuzz/fimi_amplify_10k.dat")
        let read = try TransactionDatabase.readRenumberedFIMI(path: path)
        #expect(read.database.itemCount == 1)
        #expect(read.database.count == 10_001)
        #expect(read.database.wordsPerRow == 1)
        #expect(read.ids == [1 << 20])
        #expect(read.idCount == (1 << 20) + 1)

        let job = MiningJob(file: path, query: MiningQuery(target: .maximal, minimumSupport: .count(1)), itemCount: nil)
        let result = try job.run()
        #expect(result.transactions == 10_001)
        #expect(result.items == (1 << 20) + 1)  // as before: the largest id plus one
        #expect(result.itemsets.sorted() == [Itemset(items: [1 << 20], support: 1)])
    }

    /// Renumbering gives the same itemsets, in the same order, as mining the dense ids.
    @Test(arguments: [MiningTarget.frequent, .closed, .maximal])
    func renumberedMiningEqualsDenseMining(_ target: MiningTarget) throws {
        var rng = SplitMix(seed: 2024)
        let spread = [3, 17, 64, 65, 200, 1000, 4097, 9000]  // sparse ids, across word boundaries
        var text = ""
        for _ in 0..<40 {
            text += spread.filter { _ in Double.random(in: 0..<1, using: &rng) < 0.45 }.map(String.init).joined(separator: " ") + "\n"
        }
        let dir = TestPaths.temporaryDirectory()
        let path = dir.appendingPathComponent("sparse.dat").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let query = MiningQuery(target: target, minimumSupport: .count(3))

        let dense = try TransactionDatabase(fimiText: text).itemsets(query)
        let result = try MiningJob(file: path, query: query, itemCount: nil).run()
        #expect(result.itemsets.sorted() == dense)
        #expect(result.items == 9001)
        #expect(!dense.isEmpty)
        let read = try TransactionDatabase.readRenumberedFIMI(path: path)
        #expect(read.ids == spread)
        #expect(read.database.itemCount == spread.count)
    }

    /// Dense ids are left as they are (no mapping to pay for).
    @Test func denseIdsAreNotRenumbered() throws {
        let read = try TransactionDatabase.renumberedFIMI("0 1\n2\n\n1 2\n")
        #expect(read.ids == nil)
        #expect(read.database.itemLists == [[0, 1], [2], [], [1, 2]])
        #expect(read.idCount == 3)
    }

    /// With the item count given (from `--layers`), bit rows beyond the budget are refused
    /// before they are allocated, naming the file and the sizes.
    @Test func bitRowsBeyondTheBudgetAreRefused() throws {
        let text = String(repeating: "\n", count: 10_000) + "5\n"
        let error = try #require(throws: InputError.self) {
            _ = try TransactionDatabase(fimiText: text, file: "big.dat", itemCount: 2_000_000_007)
        }
        #expect(error.file == "big.dat")
        #expect(error.message == "10001 transactions over 2000000007 items need 2328.5 GiB of bit rows, more than the 1.0 GiB allowed for a file of 10002 bytes (the item count 2000000007 comes from the layer widths: check them)")
        #expect(TransactionDatabase.bitRowBudget(inputBytes: 100) == 1 << 30)
        #expect(TransactionDatabase.bitRowBudget(inputBytes: 1 << 25) == 1 << 31)
        #expect(TransactionDatabase.bitRowBudget(inputBytes: .max) == .max)
        // Just within the budget is fine.
        _ = try TransactionDatabase(fimiText: "0\n", itemCount: 64 * 1000)
    }

    // MARK: - Layer widths

    /// `--layers 9223372036854775807,9223372036854775807` overflowed adding the widths.
    @Test func widthsThatOverflowAreAnError() {
        #expect(throws: LayerLayoutError.tooLarge(widths: [.max, .max])) { try LayerLayout(widths: [.max, .max]) }
        #expect(throws: LayerLayoutError.tooLarge(widths: [1, .max])) { try LayerLayout(parsing: "1,9223372036854775807") }
        #expect(LayerLayoutError.tooLarge(widths: [.max, .max]).description
                == "layer widths 9223372036854775807,9223372036854775807 add up to more than 9223372036854775807: no network has that many neurons")
    }

    /// `--layers 4,3,2000000000` allocated 16 GB for the neuron → layer table before the widths
    /// were checked against the data; beyond `tableLimit` neurons the layer is searched.
    @Test func hugeLayoutsAllocateNothing() throws {
        let huge = try LayerLayout(parsing: "4,3,2000000000")
        #expect(huge.neuronCount == 2_000_000_007)
        #expect(huge.layer(of: 0) == 0)
        #expect(huge.layer(of: 3) == 0)
        #expect(huge.layer(of: 4) == 1)
        #expect(huge.layer(of: 6) == 1)
        #expect(huge.layer(of: 7) == 2)
        #expect(huge.layer(of: 2_000_000_006) == 2)
        #expect(throws: LayerLayoutError.widthSumMismatch(sum: 2_000_000_007, columns: 9, widths: [4, 3, 2_000_000_000])) {
            try huge.check(columnCount: 9)
        }
        #expect(huge == (try LayerLayout(widths: [4, 3, 2_000_000_000])))
    }

    /// The search answers what the table does, for every neuron of many layouts.
    @Test func layerSearchAgreesWithTheTable() throws {
        var rng = SplitMix(seed: 7)
        for _ in 0..<200 {
            let widths = (0..<Int.random(in: 1...9, using: &rng)).map { _ in Int.random(in: 1...12, using: &rng) }
            let table = try LayerLayout(widths: widths)
            let searched = try LayerLayout(widths: widths, tableLimit: 0)
            #expect(table == searched)
            #expect(searched.layerIndex == table.layerIndex)
            for i in 0..<table.neuronCount { #expect(searched.layer(of: i) == table.layer(of: i)) }
            let some = (0..<table.neuronCount).filter { _ in Bool.random(using: &rng) }
            #expect(searched.isLayerComplete(some) == table.isLayerComplete(some))
        }
    }
}
