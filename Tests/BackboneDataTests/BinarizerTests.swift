import BackboneData
import FileSupport
import Mining
import Testing

@Suite struct BinarizerTests {
    func matrix(_ rows: [[Double]]) -> ActivationMatrix {
        ActivationMatrix(rowCount: rows.count, columnCount: rows[0].count, values: rows.flatMap { $0 },
                         trueLabels: Array(repeating: 0, count: rows.count))
    }

    func items(_ r: Binarizer.Result) -> [[Int]] { r.database.itemLists }

    @Test func authorsCountsPerLayer() {
        #expect(Binarizer.referenceCounts(k: 50, widths: [256, 32]) == [44, 5])
        #expect(Binarizer.referenceCounts(k: 50, widths: [80, 60, 40, 30, 20]) == [17, 13, 8, 6, 4])
        #expect(Binarizer.referenceCounts(k: 50, widths: [64, 32, 16]) == [28, 14, 7])
    }

    @Test func referenceRuleTiesAndWeights() throws {
        // widths 3,2 (n = 5), k = 4: layer 1 keeps floor(4·3/5) = 2, layer 2 keeps floor(4·2/5) = 1.
        let layout = try LayerLayout(widths: [3, 2])
        let m = matrix([[0.5, 0.9, 0.5, 0.2, 0.7]])
        let plain = try Binarizer.binarize(m, layout: layout, rule: .reference(k: 4))
        #expect(plain.keptPerLayer == [2, 1])
        // 0.9 first, then the tie 0.5/0.5 goes to the lower id 0.
        #expect(items(plain) == [[0, 1, 4]])
        #expect(plain.warnings.isEmpty)
        // The authors' reverse tuple sort gives ties to the higher id.
        #expect(items(try Binarizer.binarize(m, layout: layout, rule: .reference(k: 4), ties: .higherIndexFirst)) == [[1, 2, 4]])
        // Weights scale before ranking: weighted row is 1.0, 0.9, 0.5 | 2.0, 0.7.
        let weighted = try Binarizer.binarize(m, layout: layout, weights: NeuronWeights(values: [2, 1, 1, 10, 1]), rule: .reference(k: 4))
        #expect(items(weighted) == [[0, 1, 3]])
    }

    @Test(arguments: [BinarizationRule.reference(k: 4), .topK(2), .threshold(0.4), .quantile(0.5)])
    func onlyTheFlaggedRowsAreBinarizedAndTheyComeOutTheSame(_ rule: BinarizationRule) throws {
        let layout = try LayerLayout(widths: [3, 2])
        let m = matrix([[0.5, 0.9, 0.5, 0.2, 0.7], [0.1, 0.2, 0.3, 0.9, 0.8], [0.3, 0.2, 0.1, 0.0, 0.05],
                        [0.7, 0.6, 0.2, 0.4, 0.45]])
        let weights = NeuronWeights(values: [2, 1, 1, 10, 1])
        let all = items(try Binarizer.binarize(m, layout: layout, weights: weights, rule: rule))
        let flags = [false, true, false, true]
        let some = try Binarizer.binarize(m, layout: layout, weights: weights, rule: rule, rows: flags)
        #expect(items(some) == [[], all[1], [], all[3]])
        #expect(!all[1].isEmpty && !all[3].isEmpty)
        // Quantile cut-offs still come from every row.
        if case .quantile = rule { #expect(some.quantiles == Binarizer.quantiles(of: m, q: 0.5)) }
    }

    @Test func layerBoundaryFirstNeuronOfLayerTwoIsW1() throws {
        // Neuron 3 = w1 is the first neuron of layer 2: it competes there, not in layer 1.
        let layout = try LayerLayout(widths: [3, 2])
        let m = matrix([[0.1, 0.2, 0.3, 0.9, 0.8], [0.3, 0.2, 0.1, 0.0, 0.05]])
        let r = try Binarizer.binarize(m, layout: layout, rule: .reference(k: 4))
        #expect(items(r) == [[1, 2, 3], [0, 1, 4]])
        let summary = TransactionSummary(r.database, layout: layout)
        #expect(summary.meanItemsPerLayer == [2, 1])
        #expect(summary.transactionCount == 2 && summary.meanItems == 3)
        #expect(summary.density == 0.6)
    }

    @Test func aLayerWithNoItemsIsWarnedAbout() throws {
        // widths 100, 2, k = 10: floor(10·2/102) = 0.
        let layout = try LayerLayout(widths: [100, 2])
        let row = (0..<102).map { Double($0) }
        let r = try Binarizer.binarize(matrix([row]), layout: layout, rule: .reference(k: 10))
        #expect(r.keptPerLayer == [9, 0])
        #expect(items(r) == [Array(91...99)])
        #expect(r.warnings.count == 1)
        #expect(r.warnings[0].contains("layer 2") && r.warnings[0].contains("0 neurons"))
    }

    @Test func perLayerTopK() throws {
        let layout = try LayerLayout(widths: [4, 3])
        let m = matrix([[1, 1, 1, 0, 5, -1, 5], [-3, -1, -2, -4, -1, -2, -3]])
        let r = try Binarizer.binarize(m, layout: layout, rule: .topK(2))
        #expect(r.keptPerLayer == [2, 2])
        #expect(items(r) == [[0, 1, 4, 6], [1, 2, 4, 5]])
        #expect(r.warnings.isEmpty)
        // k wider than layer 2: the whole layer, with a warning.
        let wide = try Binarizer.binarize(m, layout: layout, rule: .topK(3))
        #expect(wide.keptPerLayer == [3, 3])
        #expect(items(wide) == [[0, 1, 2, 4, 5, 6], [0, 1, 2, 4, 5, 6]])
        #expect(wide.warnings.count == 1 && wide.warnings[0].contains("layer 2"))
    }

    @Test func topKMatchesAFullSortOnLargerRows() throws {
        // Many ties (values from a small set): the heap must agree with sorting by (value desc, id asc).
        let layout = try LayerLayout(widths: [37, 23])
        var rows: [[Double]] = []
        var state: UInt64 = 12345
        for _ in 0..<50 {
            rows.append((0..<60).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Double((state >> 33) % 7) - 3
            })
        }
        for k in [1, 5, 11, 22] {
            for ties in TieBreak.allCases {
                let r = try Binarizer.binarize(matrix(rows), layout: layout, rule: .topK(k), ties: ties)
                for (t, row) in rows.enumerated() {
                    var expected: [Int] = []
                    for l in 0..<2 {
                        let ids = layout.range(ofLayer: l).sorted {
                            row[$0] != row[$1] ? row[$0] > row[$1] : (ties == .lowerIndexFirst ? $0 < $1 : $0 > $1)
                        }
                        expected += ids.prefix(min(k, layout.widths[l]))
                    }
                    #expect(r.database.items(ofTransaction: t) == expected.sorted(), "k=\(k) \(ties) row \(t)")
                }
            }
        }
    }

    @Test func thresholdIsStrictAndUnweighted() throws {
        let layout = try LayerLayout(widths: [2, 2])
        let m = matrix([[0.5, 0.6, -1, 2], [0.4, 0.5, 0.51, 0.5]])
        let r = try Binarizer.binarize(m, layout: layout, weights: NeuronWeights(values: [10, 10, 10, 10]), rule: .threshold(0.5))
        #expect(items(r) == [[1, 3], [2]])
        #expect(r.keptPerLayer == nil)
        #expect(r.warnings.count == 1 && r.warnings[0].contains("not used"))
    }

    @Test func quantilePerNeuron() throws {
        // Column 0: 1,2,3,4 — median (h = 1.5) is 2.5, 0.25-quantile (h = 0.75) is 1.75.
        // Column 1: 10,10,10,0 — sorted 0,10,10,10, median 10: no value is above it.
        let layout = try LayerLayout(widths: [2])
        let m = matrix([[1, 10], [2, 10], [3, 10], [4, 0]])
        #expect(Binarizer.quantiles(of: m, q: 0.5) == [2.5, 10])
        #expect(Binarizer.quantiles(of: m, q: 0.25) == [1.75, 7.5])
        #expect(Binarizer.quantiles(of: m, q: 0) == [1, 0])
        #expect(Binarizer.quantiles(of: m, q: 1) == [4, 10])
        let median = try Binarizer.binarize(m, layout: layout, rule: .quantile(0.5))
        #expect(items(median) == [[], [], [0], [0]])
        #expect(median.quantiles == [2.5, 10])
        #expect(items(try Binarizer.binarize(m, layout: layout, rule: .quantile(0.25))) == [[1], [0, 1], [0, 1], [0]])
        #expect(items(try Binarizer.binarize(m, layout: layout, rule: .quantile(1))) == [[], [], [], []])
    }

    @Test func badParameters() throws {
        let layout = try LayerLayout(widths: [2, 2])
        let m = matrix([[1, 2, 3, 4]])
        expectInputError(line: nil, column: nil, "k must be at least 1") { _ = try Binarizer.binarize(m, layout: layout, rule: .topK(0)) }
        expectInputError(line: nil, column: nil, "[0, 1]") { _ = try Binarizer.binarize(m, layout: layout, rule: .quantile(1.5)) }
        expectInputError(line: nil, column: nil, "sum to 3", "4 columns") {
            _ = try Binarizer.binarize(m, layout: try LayerLayout(widths: [2, 1]), rule: .topK(1))
        }
        expectInputError(line: nil, column: nil, "2 neuron weights", "4 neurons") {
            _ = try Binarizer.binarize(m, layout: layout, weights: NeuronWeights(values: [1, 2]), rule: .topK(1))
        }
    }
}
