import Foundation
import TestSupport
import Testing

/// End-to-end runs of `experiment` (on the bundled digits network, laid out like a
/// paper-repro fold) and `artifacts` (on the authors' files).
@Suite(.serialized) struct ExperimentCommandTests {
    func json(_ url: URL) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return try #require(value as? [String: Any])
    }

    @Test func experimentOnTheDigitsFoldWritesEveryExperiment() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try runBackbones(["experiment", "--fold", "data/digits", "--output", dir.path, "--q", "0.5",
                                    "--time-limit", "5", "--reference-time-limit", "1"])
        #expect(out.status == 0, "\(out.stderr)")

        let heuristic = try json(dir.appendingPathComponent("heuristic.json"))
        #expect(heuristic["explanation_round_trip"] as? Bool == true)
        let groups = try #require(heuristic["groups"] as? [[String: Any]])
        let correct = groups.filter { $0["kind"] as? String == "correct" }
        #expect(correct.count == 10, "every digit has correct training rows")
        #expect(correct.allSatisfy { ($0["size"] as? Int ?? 0) > 0 })
        // data/digits: 30 misclassified training rows over 10 classes (README).
        let misclassifiedRows = groups.filter { $0["kind"] as? String == "misclassified" }.map { $0["instances"] as! Int }.reduce(0, +)
        #expect(misclassifiedRows == 30)
        let explanation = try String(contentsOf: dir.appendingPathComponent("explanation.txt"), encoding: .utf8)
        #expect(explanation.split(separator: "\n").count == 3)

        let fronts = try json(dir.appendingPathComponent("exact_fronts.json"))
        let classes = try #require(fronts["classes"] as? [[String: Any]])
        #expect(classes.count == 10)
        for c in classes {
            let points = try #require(c["front"] as? [[String: Any]])
            #expect(!points.isEmpty)
            #expect(points.allSatisfy { $0["status"] as? String == "optimal" }, "whole fronts, every point proven by the search")
            #expect(c["reaches_full_coverage"] as? Bool == true)
            #expect((c["heuristic"] as? [String: Any])?["verdict"] is String)
        }
        // Digit 0's whole front at q = 0.5 (as `ilp --model cover` computes it; CBC proves the same).
        let zero = try #require(classes.first { $0["group"] as? String == "correct:0" }?["front"] as? [[String: Any]])
        #expect(zero.map { $0["budget"] as? Int } == [25, 26, 27])
        #expect(zero.map { $0["covered"] as? Int } == [128, 131, 132])
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("pareto/plots/correct-0-q0.5.svg").path))

        let reference = try json(dir.appendingPathComponent("reference_ilp.json"))
        let runs = try #require(reference["runs"] as? [[String: Any]])
        #expect(runs.map { $0["sense"] as? String } == ["maximize", "minimize"])
        #expect(runs.allSatisfy { $0["reduced"] as? Bool == true })

        let uses = try json(dir.appendingPathComponent("uses.json"))
        #expect(uses["test_rows"] as? Int == 450)
        // 17 of 450 test rows misclassified (data/digits/meta.json).
        #expect(abs((uses["network_accuracy"] as? Double ?? 0) - 433.0 / 450.0) < 1e-12)
        let flags = try #require((uses["mistake_flags"] as? [String: Any])?["outcome"] as? [String: Any])
        #expect(flags["network_mistakes"] as? Int == 17)
        let flagged = try #require(flags["flagged"] as? Int), hits = try #require(flags["flagged_mistakes"] as? Int)
        #expect(hits <= flagged && hits <= 17)
        let predictor = try #require(uses["predictor"] as? [String: Any])
        let agree = try #require(predictor["agrees_with_truth"] as? Int)
        #expect(agree > 225, "the backbones predict better than chance on 10 classes")
        let theirs = try #require(uses["authors_predictor"] as? [String: Any])
        let asTheirCode = try #require(theirs["accuracy_as_their_code_computes_it"] as? Double)
        #expect(asTheirCode <= (theirs["accuracy"] as? Double ?? 0) + 1e-12, "their formula can only count fewer rows right")
    }

    @Test func experimentRejectsAFoldWithoutPredictions() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try runBackbones(["experiment", "--fold", dir.path, "--output", dir.appendingPathComponent("out").path])
        #expect(out.status == 2)
        #expect(out.stderr.contains("train.csv"))
        #expect(out.stderr.split(separator: "\n").count == 1)
    }

    @Test func artifactsReproduceTheAuthorsFiles() throws {
        guard FileManager.default.fileExists(atPath: TestPaths.reference("bird/Bird_ILP_Solutions.txt")) else { return }
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try runBackbones(["artifacts", "--reference", TestPaths.reference.path, "--output", dir.path])
        #expect(out.status == 0, "\(out.stderr)")
        let a = try json(dir.appendingPathComponent("artifacts.json"))
        let weights = try #require(a["lfw_weights"] as? [[String: Any]])
        #expect(weights.count == 5)
        #expect(weights.allSatisfy { $0["agree_1e-12"] as? Bool == true })
        let bird = try #require((a["bird_ilp_solutions"] as? [String: Any])?["folds"] as? [[String: Any]])
        #expect(bird.count == 10)
        #expect(bird.allSatisfy { $0["size_sum"] as? Int == 374 && $0["overlap"] as? Int == 86 && $0["union"] as? Int == 288 })
        let explanations = try #require(a["explanations"] as? [String: Any])
        let files = (explanations["bird"] as! [[String: Any]]) + (explanations["lfw"] as! [[String: Any]])
        #expect(files.count == 14)
        #expect(files.allSatisfy { $0["rewritten_parses_equal"] as? Bool == true })
    }
}
