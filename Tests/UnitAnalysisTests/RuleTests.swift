import Foundation
import Mining
import TestSupport
import Testing
@testable import UnitAnalysis

/// Rules, unit sets and unit statistics on a hand-derived fixture and against a brute-force
/// enumerator of every antecedent on small random data.
@Suite struct RuleTests {
    /// Units 0…4. Class 0: {1,2,3} {1,2,3} {1,2,4} {0,1,2}; class 1: {1,2} {3,4} {0,3,4} {0,3,4}.
    let fixture = UnitTransactions(layout: try! LayerLayout(widths: [3, 2]), rows: [
        [1, 2, 3], [1, 2, 3], [1, 2, 4], [0, 1, 2], [1, 2], [3, 4], [0, 3, 4], [0, 3, 4],
    ].enumerated().map { UnitTransactions.Row(instance: $0.offset, label: $0.offset < 4 ? 0 : 1, units: $0.element) })

    func rule(_ label: Int, _ a: [Int], _ s: Int, _ n: Int) -> ClassRule {
        ClassRule(label: label, antecedent: a, support: s, antecedentSupport: n)
    }

    @Test func standardRulesOnTheHandFixture() throws {
        let result = try ClassRuleMiner().run(fixture)
        let c0 = result.perClass[0], c1 = result.perClass[1]
        // Class 0: {1,2} 4 of 5 (score 3.2); {1,3}, {2,3}, {1,2,3} 2 of 2 (score 2); {1,2,3} contains {1,2}: pruned.
        #expect(c0.top == [rule(0, [1, 2], 4, 5), rule(0, [1, 3], 2, 2), rule(0, [2, 3], 2, 2), rule(0, [1, 2, 3], 2, 2)])
        #expect(c0.rules == [rule(0, [1, 2], 4, 5), rule(0, [1, 3], 2, 2), rule(0, [2, 3], 2, 2)])
        #expect(c0.units == [1, 2, 3] && c0.transactions == 4 && c0.candidates == 4)
        #expect(c0.labelCounts == [[4, 1], [2, 0], [2, 0]])
        // Class 1: {3,4} 3 of 3; {0,3}, {0,4}, {0,3,4} 2 of 2; {0,3,4} pruned.
        #expect(c1.rules == [rule(1, [3, 4], 3, 3), rule(1, [0, 3], 2, 2), rule(1, [0, 4], 2, 2)])
        #expect(c1.units == [0, 3, 4])
        // Units: 0 and 4 specific to class 1, 1 and 2 to class 0, 3 shared.
        #expect(result.units.map(\.unit) == [0, 1, 2, 3, 4])
        #expect(result.units.map(\.kind) == [.specific, .specific, .specific, .shared, .specific])
        #expect(result.units[3].classes == [0, 1] && result.units[3].layer == 2)
        // P(3 | 0) = 2/4, P(3 | 1) = 3/4, P(3) = 5/8: lift 0.8 and 1.2.
        #expect(result.units[3].frequency == [0.5, 0.75])
        #expect(abs(result.units[3].lift[0] - 0.8) < 1e-15 && abs(result.units[3].lift[1] - 1.2) < 1e-15)
        // Two rules per class: the top two, nothing to prune.
        let two = try ClassRuleMiner(settings: RuleSettings(rulesPerClass: 2)).run(fixture)
        #expect(two.perClass[0].rules == [rule(0, [1, 2], 4, 5), rule(0, [1, 3], 2, 2)])
    }

    @Test func authorsRulesOnTheHandFixture() throws {
        let result = try ClassRuleMiner(settings: RuleSettings(confidence: .authors)).run(fixture)
        // Class 0: X = {1,2,3,c}, s = supp({1,2,3}) = 2 over all rows; {1,2}: 2/5 < 0.5; {1,3}, {2,3}: 2/2.
        #expect(result.perClass[0].rules == [rule(0, [1, 3], 2, 2), rule(0, [2, 3], 2, 2)])
        // Class 1: X = {0,3,4,c}, s = 2; unit 0 never enters an antecedent: only {3,4} (2/3).
        #expect(result.perClass[1].rules == [rule(1, [3, 4], 2, 3)])
        #expect(result.set(ofClass: 1) == [3, 4])
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func minerEqualsBruteForceOnRandomData(_ seed: UInt64) throws {
        var g = SplitMix(seed: seed)
        let units = 7, classes = 3
        let rows = (0 ..< 45).map { i in
            UnitTransactions.Row(instance: i, label: Int.random(in: 0 ..< classes, using: &g),
                                 units: Array((0 ..< units).shuffled(using: &g).prefix(Int.random(in: 2 ... 5, using: &g))).sorted())
        }
        let tx = UnitTransactions(layout: try LayerLayout(widths: [4, 3]), rows: rows)
        for confidence in RuleSettings.Confidence.allCases {
            for (perClass, minConf) in [(3, 0.5), (10, 0.3), (40, 0.0)] {
                let settings = RuleSettings(minimumConfidence: minConf, rulesPerClass: perClass, confidence: confidence)
                let result = try ClassRuleMiner(settings: settings).run(tx)
                for c in 0 ..< classes {
                    let expected = bruteForce(tx, label: c, settings: settings, units: units)
                    let got = try #require(result.perClass.first { $0.label == c })
                    #expect(got.candidates == expected.candidates, "\(confidence) class \(c)")
                    #expect(got.rules == expected.rules, "\(confidence) class \(c) top \(perClass)")
                }
            }
        }
    }

    /// Every antecedent as a bit mask over the units; supports by scanning the rows.
    func bruteForce(_ tx: UnitTransactions, label: Int, settings: RuleSettings, units: Int) -> (candidates: Int, rules: [ClassRule]) {
        let masks = tx.rows.map { $0.units.reduce(0) { $0 | 1 << $1 } }
        func support(_ m: Int, classOnly: Bool) -> Int {
            zip(masks, tx.rows).filter { ($0.0 & m) == m && (!classOnly || $0.1.label == label) }.count
        }
        func items(_ m: Int) -> [Int] { (0 ..< units).filter { m & 1 << $0 != 0 } }
        var candidates = Set<ClassRule>()
        for a in 1 ..< 1 << units where support(a, classOnly: true) >= settings.minimumSupport {
            switch settings.confidence {
            case .standard:
                guard a.nonzeroBitCount >= 2 else { continue }
                let r = rule(label, items(a), support(a, classOnly: true), support(a, classOnly: false))
                if Double(r.support) / Double(r.antecedentSupport) >= settings.minimumConfidence { candidates.insert(r) }
            case .authors:
                guard a.nonzeroBitCount >= 3 else { continue }
                var s = (a - 1) & a
                while s > 0 {  // every non-empty proper subset of a
                    let p = s & ~1  // unit 0 dropped
                    if p.nonzeroBitCount >= 2 {
                        let r = rule(label, items(p), support(a, classOnly: false), support(p, classOnly: false))
                        if Double(r.support) / Double(r.antecedentSupport) >= settings.minimumConfidence { candidates.insert(r) }
                    }
                    s = (s - 1) & a
                }
            }
        }
        let top = Array(candidates.sorted(by: ClassRule.ranksBefore).prefix(settings.rulesPerClass))
        func mask(_ r: ClassRule) -> Int { r.antecedent.reduce(0) { $0 | 1 << $1 } }
        let kept = top.filter { r in
            !top.contains { o in
                settings.confidence == .standard
                    ? mask(o) != mask(r) && mask(o) & mask(r) == mask(o)
                    : mask(o) != mask(r) && mask(o) & mask(r) == mask(r) && o.support == r.support && o.antecedentSupport == r.antecedentSupport
            }
        }
        return (candidates.count, kept)
    }

    @Test func rankingComparesSupportTimesConfidenceExactly() {
        // 3 × 3/7 = 9/7 and 2 × 2/3 = 4/3: 27/21 < 28/21.
        #expect(ClassRule.ranksBefore(rule(0, [1, 2], 2, 3), rule(0, [1, 3], 3, 7)))
        // Equal scores (2 × 2/2 = 4 × 4/8): the higher support first, then the shorter, then the smaller antecedent.
        #expect(ClassRule.ranksBefore(rule(0, [5, 6], 4, 8), rule(0, [1, 2], 2, 2)))
        #expect(ClassRule.ranksBefore(rule(0, [5, 6], 2, 2), rule(0, [1, 2, 3], 2, 2)))
        #expect(ClassRule.ranksBefore(rule(0, [1, 6], 2, 2), rule(0, [2, 3], 2, 2)))
    }
}

/// `--confidence authors` against the Python re-implementation of their notebook's rule step
/// (paper-repro/units_authors.py) on the same committed transactions: the digits relevance
/// transactions (k = 5 of the network) and the rules the script wrote for them.
@Suite struct AuthorsReimplementationTests {
    @Test func authorsRulesEqualThePythonReimplementation() throws {
        let text = try String(contentsOfFile: TestPaths.fixture("units/digits-k5-transactions.csv"), encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return UnitTransactions.Row(instance: Int(f[0])!, label: Int(f[1])!, units: f[2].split(separator: " ").map { Int($0)! })
        }
        #expect(rows.count == 1347)
        let tx = UnitTransactions(layout: try LayerLayout(widths: [64, 32, 16]), rows: rows)
        let result = try ClassRuleMiner(settings: RuleSettings(confidence: .authors)).run(tx)
        let data = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("units/digits-k5-authors-rules.json")))
        let python = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [[Any]]])
        #expect(python.count == 10)
        for c in result.perClass {
            let expected = try #require(python[String(c.label)]).map { r in
                ClassRule(label: c.label, antecedent: r[0] as! [Int], support: r[1] as! Int, antecedentSupport: r[2] as! Int)
            }
            #expect(c.rules == expected, "class \(c.label)")
        }
    }
}
