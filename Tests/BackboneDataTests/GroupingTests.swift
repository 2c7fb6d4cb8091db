import BackboneData
import FileSupport
import Testing

@Suite struct GroupingTests {
    /// 6 rows: true 0,0,1,1,1,2; predicted 0,1,1,0,1,2.
    let predicted = ActivationMatrix(rowCount: 6, columnCount: 1, values: [0, 1, 2, 3, 4, 5],
                                     trueLabels: [0, 0, 1, 1, 1, 2], predictedLabels: [0, 1, 1, 0, 1, 2])

    @Test func groupsFromPredictions() throws {
        let g = try Grouping(matrix: predicted, kinds: [.correct, .misclassified, .confusion])
        #expect(g.groups.map(\.name) == ["correct:0", "correct:1", "correct:2", "misclassified:0", "misclassified:1",
                                         "confusion:0->1", "confusion:1->0"])
        #expect(g.groups.map(\.instances) == [[0], [2, 4], [5], [1], [3], [1], [3]])
        #expect(g.groups[5].key == .confusion(trueLabel: 0, predicted: 1))
        #expect(g.groups[5].kind == .confusion)
        #expect(g.groups.map(\.fileStem) == ["correct-0", "correct-1", "correct-2", "misclassified-0", "misclassified-1",
                                             "confusion-0-to-1", "confusion-1-to-0"])
        // Class 2 was never misclassified: reported, not produced.
        #expect(g.emptyGroups == ["misclassified:2"])
        #expect(g.groups.allSatisfy { !$0.instances.isEmpty })
    }

    @Test func classGroupsNeedOnlyLabels() throws {
        let g = try Grouping(matrix: predicted, kinds: [.trueClass])
        #expect(g.groups.map(\.name) == ["class:0", "class:1", "class:2"])
        #expect(g.groups.map(\.count) == [2, 3, 1])
    }

    @Test func plusMinusFilesGiveCorrectAndMisclassifiedButNotConfusion() throws {
        let plus = ActivationMatrix(rowCount: 2, columnCount: 1, values: [0, 1], trueLabels: [0, 1])
        let minus = ActivationMatrix(rowCount: 2, columnCount: 1, values: [2, 3], trueLabels: [1, 1])
        let m = try ActivationMatrix.plusMinus(plus: plus, minus: minus)
        let g = try Grouping(matrix: m, kinds: [.correct, .misclassified])
        #expect(g.groups.map(\.name) == ["correct:0", "correct:1", "misclassified:1"])
        #expect(g.groups.map(\.instances) == [[0], [1], [2, 3]])
        #expect(g.emptyGroups == ["misclassified:0"])
        expectInputError(line: nil, column: nil, "need predicted labels") { _ = try Grouping(matrix: m, kinds: [.confusion]) }
        #expect(Grouping.availableKinds(for: m) == [.correct, .misclassified])
        #expect(Grouping.availableKinds(for: predicted) == [.correct, .misclassified, .confusion])
    }

    @Test func unknownCorrectnessIsAnError() {
        let m = ActivationMatrix(rowCount: 1, columnCount: 1, values: [0], trueLabels: [0])
        expectInputError(line: nil, column: nil, "correct groups need") { _ = try Grouping(matrix: m, kinds: [.correct]) }
        #expect(Grouping.availableKinds(for: m) == [.trueClass])
    }
}
