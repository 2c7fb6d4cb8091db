import FileSupport
import Testing

/// Times print as their decimals (issue 15: `0.00048056600000000003` in the reports).
@Suite struct DurationSecondsTests {
    @Test func secondsPrintAsTheirDecimal() {
        #expect("\(Duration.nanoseconds(480_566).seconds)" == "0.000480566")
        #expect("\(Duration.nanoseconds(2_000_480_566).seconds)" == "2.000480566")
        #expect(Duration.seconds(3).seconds == 3)
        #expect(Duration.milliseconds(-1500).seconds == -1.5)
    }
}
