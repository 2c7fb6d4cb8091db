import FileSupport
@testable import Report
import Testing

@Suite struct FormattingTests {
    @Test func fixedDecimals() {
        #expect(Format.fixed(0.125, 2) == "0.13")
        #expect(Format.fixed(1234.5678, 2) == "1234.57")
        #expect(Format.fixed(2.5, 0) == "3")
        #expect(Format.fixed(0.05, 3) == "0.050")
        #expect(Format.fixed(-1.5, 1) == "-1.5")
        #expect(Format.fixed(-0.004, 2) == "0.00")
        #expect(Format.fixed(7, 2) == "7.00")
        #expect(Format.fixed(.infinity, 2) == "inf")
        #expect(Format.percent(0.625) == "62.5 %")
        #expect(Format.exact(0.3) == "0.3")
        #expect(Format.exact(10) == "10")
        #expect(Format.share(1) == "1")
        #expect(Format.share(0.5) == "0.5")
        #expect(Format.count(1, "instance") == "1 instance")
        #expect(Format.count(0, "instance") == "0 instances")
    }

    @Test func sizeAxisRanges() {
        // The digits front at q = 1 lives at 49…81: start a bit below, not at 0.
        #expect(SizeAxis.fitting([49, 81]) == SizeAxis(lo: 45, hi: 85, step: 5))
        #expect(SizeAxis.fitting([10, 200]) == SizeAxis(lo: 0, hi: 250, step: 50))
        #expect(SizeAxis.fitting([5]) == SizeAxis(lo: 4, hi: 6, step: 1))
        #expect(SizeAxis.fitting([]) == SizeAxis(lo: 0, hi: 10, step: 2))
        #expect(SizeAxis.fitting([0, 0]) == SizeAxis(lo: 0, hi: 1, step: 1))
        #expect(SizeAxis(lo: 45, hi: 85, step: 5).ticks == [45, 50, 55, 60, 65, 70, 75, 80, 85])
    }

    @Test func textTableAlignsColumns() {
        var t = TextTable(columns: [.init("name", .left), .init("n")])
        t.add(["alpha", "1"])
        t.add(["b", "100"])
        #expect(t.render(indent: "  ") == ["  name     n", "  -----  ---", "  alpha    1", "  b      100"])
    }
}
