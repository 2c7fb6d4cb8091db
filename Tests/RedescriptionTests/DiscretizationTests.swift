import FileSupport
import Foundation
import Redescription
import Testing

/// The binning modes on hand-made values, and mode 0 against the bins their runs used.
@Suite struct DiscretizationTests {
    func bins(_ d: Discretization, _ values: [Double]) -> [[Double]] { d.bins(values).map { [$0.lower, $0.upper] } }

    @Test func handValues() throws {
        // 0…9 over 10 rows: distinct quartiles at p·(d+1): Q1 = 1.75, Q3 = 7.25, IQR 5.5;
        // h = 11·10^(−0.33) = 5.142…: splits 6 (first ≥ 5.14), then none ≥ 11.14; last bin to 9.
        let ten = (0..<10).map(Double.init)
        #expect(bins(.equalWidth, ten) == [[0, 6], [6, 9]])
        #expect(bins(.twoBins, ten) == [[0, 6], [7, 9]])
        // d = 10: m = ⌈2·10^(1/3)⌉ = 5 bins of two values.
        #expect(bins(.equalFrequency, ten) == [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]])
        #expect(bins(.quantiles(2), [5, 1, 1, 1, 2, 3]) == [[1, 1], [2, 5]])   // the first half is the three 1s
        #expect(bins(.quantiles(3), [1, 1, 1, 1, 2, 3]) == [[1, 1], [2, 3]])   // a value's rows stay together
        #expect(bins(.kMeans, [1, 1.1, 1.2, 10, 10.1, 10.2, 20, 20.2, 20.1]) == [[1, 1.2], [10, 10.2], [20, 20.2]])
        #expect(bins(.kMeans, [0, 0, 0, 5, 5]) == [[0, 0], [5, 5]])
        #expect(bins(.equalWidth, [3, 3, 3]) == [[3, 3]])
        #expect(try Discretization("quantiles:4") == .quantiles(4) && Discretization("k-means") == .kMeans)
        #expect(throws: InputError.self) { try Discretization("quantiles:0") }
    }

    /// Their Settings1 "individual" files for network 111: every single-interval W1R query on
    /// the file's neuron is one of mode 0's bins of that neuron (33 of 33 targets), although the
    /// shipped Settings1.set says clusteringMode = 2.
    @Test(.enabled(if: Exitnerdom.available, "needs reference/exitnerdom")) func theirTargetsAreEqualWidthBins() throws {
        let (left, _) = try Exitnerdom.views("Settings1")
        var targets: Set<IntervalLiteral> = []
        for path in try Exitnerdom.rrFiles("Settings1") where path.contains("MW trainedwdbcmlps111neuron") {
            for r in try RRFile.read(path: path).records { if case let .literal(l) = r.left { targets.insert(l) } }
        }
        #expect(targets.count == 33)
        for t in targets {
            let values = left.columns[try #require(left.column(named: t.attribute))]
            #expect(Discretization.equalWidth.bins(values).contains { $0.lower == t.lower && $0.upper == t.upper }, "\(t)")
        }
    }
}
