import BackboneCore
import BackboneData
import CBCBackend
import LinearModel
import Mining
import TestSupport
import Testing

/// CBC 2.10.8 crashed (null pointer in libCgl) when a MIP start met a 2 s time limit during
/// preprocessing, on exactly this model: digit 0's cover model at its smallest budget, started
/// from the greedy path's first backbone. The backend now turns preprocessing off with a start.
@Test func cbcTakesAWarmStartUnderATimeLimitWithoutCrashing() throws {
    let root = TestPaths.packageRoot.path
    let matrix = try CSVFormat.read(path: root + "/data/digits/train.csv", columns: .init(label: "label", prediction: "predicted"))
    let layout = try LayerLayout(widths: [64, 32, 16])
    let weights = try NeuronWeights.read(path: root + "/data/digits/weights.csv")
    let group = try #require(try Grouping(matrix: matrix, kinds: [.correct]).groups.first)
    let db = try Binarizer.binarize(matrix.selecting(rows: group.instances), layout: layout, weights: weights,
                                    rule: .reference(k: 50)).database
    let merged = GroupTransactions(database: db, layout: layout)
    let model = CoverModel(group: merged, rule: .full)
    let start = try #require(try GreedyCoverPath(rule: .full).run(merged).first)
    let compiled = try model.maxCoverage(budget: model.minimumUsefulSize).compile()
    let point = model.point(for: start.backbone)
    #expect(compiled.maxViolation(of: point) == 0)
    let r = CBC().solve(compiled, options: SolverOptions(timeLimit: 2, initialSolution: point))
    #expect(r.status == .optimal || r.status == .timeLimit)
    #expect((r.objective ?? 0) >= Double(start.covered))
}
