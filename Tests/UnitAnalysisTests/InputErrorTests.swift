import BackboneData
import FileSupport
import Mining
import TestSupport
import Testing
@testable import UnitAnalysis

/// Bad input gives an `InputError` naming the file (and the setting), never a crash.
@Suite struct UnitInputErrorTests {
    func message(_ body: () throws -> Void) -> InputError? {
        do { try body() } catch let e as InputError { return e } catch { Issue.record("not an InputError: \(error)") }
        return nil
    }

    @Test(.enabled(if: TestPaths.referenceAvailable, "needs ../shared/reference")) func aNetworkWhoseShapesDisagreeWithTheData() throws {
        let lfw = try UnitNetwork.read(path: TestPaths.reference("lfw/recognizer1.npz"))
        let path = UnitFixtures.digits + "/test.csv"
        let e = message { _ = try NetworkRows(CSVFormat.read(path: path, columns: .init(prediction: "predicted")), network: lfw, file: path) }
        #expect(e?.file == path)
        #expect(e?.message.contains("112 value columns, but the network takes 128 inputs and has 230 hidden units") == true)
    }

    @Test func activationsTheNetworkDidNotMake() throws {
        let net = try UnitFixtures.digitsNetwork()
        var lines = try String(contentsOfFile: UnitFixtures.digits + "/test.csv", encoding: .utf8).split(separator: "\n").prefix(4).map(String.init)
        var fields = lines[2].split(separator: ",").map(String.init)
        fields[2 + 70] = "5.5"  // unit 70 of data row 2
        lines[2] = fields.joined(separator: ",")
        let path = UnitFixtures.file("changed.csv", lines.joined(separator: "\n") + "\n")
        let e = message { _ = try NetworkRows(CSVFormat.read(path: path, columns: .init(prediction: "predicted")), network: net, file: path) }
        #expect(e?.message.hasPrefix("row 2, unit 70: the file has 5.5 but the network computes") == true, "\(String(describing: e))")
    }

    @Test func anUnknownClass() throws {
        let net = try UnitFixtures.digitsNetwork()
        let lines = try String(contentsOfFile: UnitFixtures.digits + "/test.csv", encoding: .utf8).split(separator: "\n").prefix(3)
        var row = lines[2].split(separator: ",").map(String.init)
        row[0] = "12"
        let path = UnitFixtures.file("label.csv", [String(lines[0]), String(lines[1]), row.joined(separator: ",")].joined(separator: "\n"))
        let e = message { _ = try NetworkRows(CSVFormat.read(path: path, columns: .init(prediction: "predicted")), network: net, file: path) }
        #expect(e?.message == "row 2: label 12 is not one of the network's classes (0, 1, 2, 3, 4, 5, 6, 7, 8, 9)")
        #expect(message { _ = try UnitNetwork(network: net.network, activation: .relu, classes: [0, 1, 2]) }?.message
            .contains("the output layer has 10 units but there are 3 classes") == true)
    }

    @Test func kLargerThanTheLayer() throws {
        let layout = try LayerLayout(widths: [64, 32, 16])
        let cases: [(TopUnits, String)] = [
            (TopUnits(k: 17, scope: .eachLayer), "k = 17 is larger than layer 3 (16 units; layers 64,32,16)"),
            (TopUnits(k: 113, scope: .network), "k = 113 is larger than the 112 units of the network (layers 64,32,16)"),
            (TopUnits(k: 33, scope: .layer(1)), "k = 33 is larger than layer 2 (32 units; layers 64,32,16)"),
            (TopUnits(k: 0, scope: .network), "k must be at least 1, got 0"),
        ]
        for (top, text) in cases {
            let e = message { _ = try top.counts(for: layout) }
            #expect(e?.message == text && e?.subject == .k)
        }
        #expect(message { _ = try TopUnits(k: 2, scope: .layer(3)).counts(for: layout) }?.message
            == "the scope is layer 4, but the network has 3 hidden layers (64,32,16)")
        #expect(try TopUnits(k: 16, scope: .eachLayer).counts(for: layout) == [16, 16, 16])
        #expect(try TopUnits(k: 50, scope: .reference).counts(for: layout) == [28, 14, 7])
    }

    @Test func topUnitsTakePositiveScoresLowerIdOnTies() throws {
        let layout = try LayerLayout(widths: [3, 3])
        let scores = [0.5, -1, 0.5, 0, 2, 0.1]
        #expect(TopUnits(k: 3, scope: .network).select(scores, layout: layout, counts: nil) == [0, 2, 4])
        #expect(TopUnits(k: 2, scope: .network).select(scores, layout: layout, counts: nil) == [0, 4])
        #expect(TopUnits(k: 2, scope: .eachLayer).select(scores, layout: layout, counts: [2, 2]) == [0, 2, 4, 5])
        // Only one positive score in layer 1 of [0, -1, 0, ...]: fewer than k units.
        #expect(TopUnits(k: 2, scope: .eachLayer).select([0, -1, 0.2, 0, 0, 0], layout: layout, counts: [2, 2]) == [2])
    }

    @Test func badRuleSettings() {
        #expect(message { try RuleSettings(minimumSupport: 0).validate() }?.message == "the minimum support must be at least 1 transaction, got 0")
        #expect(message { try RuleSettings(minimumConfidence: 1.5).validate() }?.message == "the minimum confidence must be in [0, 1], got 1.5")
    }

    @Test func scoresFileWithInstances() throws {
        let path = UnitFixtures.file("scores.csv", "instance,label,u0,u1,u2\n7,1,0.1,0.9,0.3\n7,1,0.8,0,0.2\n9,0,0,0,1\n")
        let scores = try UnitScores.read(path: path)
        #expect(scores.instances == [7, 7, 9] && scores.labels == [1, 1, 0] && scores.unitCount == 3)
        let tx = try TopUnits(k: 2, scope: .network).transactions(scores: scores.scores, labels: scores.labels,
                                                                   instances: scores.instances, layout: .single(3))
        #expect(tx.rows.map(\.units) == [[1, 2], [0, 2], [2]])
        let bad = UnitFixtures.file("bad.csv", "label,u0,u1\n1,0.5,x\n")
        #expect(message { _ = try UnitScores.read(path: bad) }?.line == 2)
    }
}
