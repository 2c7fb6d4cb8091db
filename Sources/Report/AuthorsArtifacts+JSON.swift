import FileSupport
import Workflows

extension AuthorsArtifacts {
    /// artifacts.json (paper-repro/README.md).
    public var json: JSON {
        func sizes(_ s: [Int]) -> JSON {
            .object([("backbones", .int(s.count)), ("min", .int(s.min() ?? 0)), ("max", .int(s.max() ?? 0)), ("sizes", .array(s.map { .int($0) }))])
        }
        return .object([
            ("experiment", .string("artifacts")), ("reference", .string(reference)),
            ("explanations", .object(explanations.map { set in
                (set.set, .array(set.files.map { f in
                    .object([("file", .string(f.file)), ("classes", .int(f.classes)), ("correct", sizes(f.correctSizes)),
                             ("misclassified", sizes(f.misclassifiedSizes)), ("confusion_backbones", .int(f.confusionBackbones)),
                             ("weights_in_0_1", .bool(f.weightsInUnitInterval)), ("rewritten_parses_equal", .bool(f.rewrittenParsesEqual)),
                             ("rewritten_byte_identical", .bool(f.rewrittenByteIdentical))])
                }))
            })),
            ("lfw_weights", .array(weights.map { w in
                .object([("network", .string(w.network)), ("weights", .string(w.weights)), ("hidden_layers", .array(w.hiddenLayers.map { .int($0) })),
                         ("neurons", .int(w.neurons)), ("their_count", .int(w.theirCount)), ("max_abs_diff", .number(w.maxAbsDiff)),
                         ("agree_1e-12", .bool(w.maxAbsDiff <= 1e-12))])
            })),
            ("bird_ilp_solutions", .object([("file", .string("bird/Bird_ILP_Solutions.txt")), ("neurons", .int(288)),
                                            ("floor_0.30_n", .int(86)), ("floor_0.55_n", .int(158)),
                                            ("folds", .array(birdFolds.enumerated().map { k, f in
                                                .object([("fold", .int(k + 1)), ("sizes", .array([.int(f.sizes.0), .int(f.sizes.1)])),
                                                         ("size_sum", .int(f.sizes.0 + f.sizes.1)), ("overlap", .int(f.overlap)),
                                                         ("union", .int(f.union)), ("union_is_all_288", .bool(f.unionIsAll288)),
                                                         ("sorted", .bool(f.sorted))])
                                            }))])),
        ])
    }
}
