import Foundation
import TestSupport
import Testing
@testable import UnitAnalysis

/// Ablation on the hand-derived network, and the random baselines' draws.
@Suite struct AblationTests {
    @Test func ablatingOnTheHandNetwork() throws {
        let net = try UnitFixtures.handNetwork(.identity)
        // Rows x = (1, 1) and (−1, 1), both class 0: logits (14.25, −4.5) and (4.25, −2.5).
        let rows = try NetworkRows(network: net, start: .inputs, values: [1, 1, -1, 1], labels: [0, 0])
        let ablation = Ablation(network: net, rows: rows)
        func p0(_ z0: Double, _ z1: Double) -> Double { 1 / (1 + exp(z1 - z0)) }
        #expect(abs(ablation.intactProbability[0] - p0(14.25, -4.5)) < 1e-15)
        #expect(ablation.outcome(ablating: [], on: [0, 1]) == .init(instances: 2, correct: 2, probabilityDrop: 0))
        // Both hidden units off: logits are the output bias (−0.25, 0) on every row, so class 1 wins.
        let off = ablation.outcome(ablating: [0, 1], on: [0, 1])
        #expect(off.correct == 0 && off.accuracy == 0)
        let expected = ((p0(14.25, -4.5) - p0(-0.25, 0)) + (p0(4.25, -2.5) - p0(-0.25, 0))) / 2
        #expect(abs(off.probabilityDrop - expected) < 1e-15)
        // Unit 1 off: x = (−1, 1) has h = (2.5, 0), logits (2.25, −2.5): still class 0.
        let one = ablation.outcome(ablating: [1], on: [1])
        #expect(one.correct == 1 && abs(one.probabilityDrop - (p0(4.25, -2.5) - p0(2.25, -2.5))) < 1e-15)
    }

    @Test func randomSetsMatchTheLayersAndAreUniformAndSeeded() throws {
        let net = try UnitFixtures.digitsNetwork()  // layers 64, 32, 16
        let rows = try UnitFixtures.digitsRows("test.csv")
        let ablation = Ablation(network: net, rows: rows)
        let set = [3, 10, 70, 100, 101, 111]  // 2 in layer 1, 1 in layer 2, 3 in layer 3
        let draws = ablation.randomSets(like: set, draws: 3000, seed: 1, stream: 4)
        var hits = [Int](repeating: 0, count: net.unitCount)
        for d in draws {
            #expect(Set(d).count == 6)
            #expect(d.filter { $0 < 64 }.count == 2 && d.filter { (64 ..< 96).contains($0) }.count == 1 && d.filter { $0 >= 96 }.count == 3)
            for u in d { hits[u] += 1 }
        }
        // Layer 1: each unit drawn with probability 2/64, expected 93.75 of 3000; layer 3: 3/16, 562.5.
        #expect(hits[0 ..< 64].allSatisfy { abs(Double($0) - 93.75) < 5 * 9.5 })
        #expect(hits[96 ..< 112].allSatisfy { abs(Double($0) - 562.5) < 5 * 21.4 })
        #expect(ablation.randomSets(like: set, draws: 5, seed: 1, stream: 4) == Array(draws.prefix(5)))
        #expect(ablation.randomSets(like: set, draws: 5, seed: 2, stream: 4) != Array(draws.prefix(5)))
        #expect(ablation.randomSets(like: set, draws: 5, seed: 1, stream: 5) != Array(draws.prefix(5)))
    }

    @Test func intactNetworkReproducesTheExportedAccuracy() throws {
        // meta.json: test accuracy 0.9622 (433 of 450).
        let ablation = Ablation(network: try UnitFixtures.digitsNetwork(), rows: try UnitFixtures.digitsRows("test.csv"))
        let all = ablation.outcome(ablating: [], on: Array(0 ..< 450))
        #expect(all.correct == 433)
        // The whole last layer off: every row gets the output bias's argmax.
        let net = ablation.network
        let biasWinner = UnitNetwork.argmax(net.network.layers[3].bias!)
        let off = ablation.outcome(ablating: Array(96 ..< 112), on: Array(0 ..< 450))
        #expect(off.correct == ablation.rows.labels.filter { $0 == biasWinner }.count)
    }

    @Test func spreadIsMeanAndSampleStandardDeviation() {
        let s = Ablation.Spread([1, 2, 3, 4.0])
        #expect(s.mean == 2.5 && abs(s.sd - (5.0 / 3).squareRoot()) < 1e-15)
        #expect(Ablation.Spread([7.0]).sd == 0)
    }
}
