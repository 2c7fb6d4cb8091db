import Redescription
import Testing

/// `HeuristicMiner.Settings.accepts`: each of the miner's filters, at its edge, on one
/// redescription worked out by hand — 100 rows, supports 30 and 30, |∩| = 25: |∪| = 35,
/// 65 rows outside, JS 25/35 ≈ 0.714, ReReMi's p = P(X ≥ 25), X ~ B(100, 0.3·0.3) ≈ 2.05e-6.
@Suite struct MinerFiltersTests {
    let m = RedescriptionMeasures(rowCount: 100, leftSupport: 30, rightSupport: 30, intersection: 25)

    @Test func eachFilterAtItsEdge() {
        #expect(m.union == 35 && abs(m.pValueReReMi.value - 2.049244e-6) < 1e-11)
        #expect(HeuristicMiner.Settings().accepts(m))
        #expect(HeuristicMiner.Settings(minimumSupport: 25).accepts(m))
        #expect(!HeuristicMiner.Settings(minimumSupport: 26).accepts(m))
        #expect(HeuristicMiner.Settings(minimumUncovered: 65).accepts(m))
        #expect(!HeuristicMiner.Settings(minimumUncovered: 66).accepts(m))
        #expect(HeuristicMiner.Settings(minimumJaccard: 0.714).accepts(m))
        #expect(!HeuristicMiner.Settings(minimumJaccard: 0.715).accepts(m))
        #expect(HeuristicMiner.Settings(maximumPValue: 2.1e-6).accepts(m))
        #expect(!HeuristicMiner.Settings(maximumPValue: 2.0e-6).accepts(m))
    }
}
