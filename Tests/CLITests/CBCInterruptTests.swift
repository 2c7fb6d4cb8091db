import Foundation
import TestSupport
import Testing

/// CBC's solve runs in a child process (CCbc/watchdog.h), so the first SIGINT stops it at once:
/// before, CBC 2.10's C interface could not be stopped and ran on to its limit.
struct CBCInterruptTests {
    @Test func anInterruptedCBCSolveStopsAtOnce() throws {
        let file = TestPaths.reference("orlib/scpcyc06.txt")  // CBC does not prove it in 60 s
        guard FileManager.default.fileExists(atPath: file) else { return }
        let started = ContinuousClock.now
        let out = try runBackbones(["solve", file, "--format", "orlib", "--solver", "cbc", "--time-limit", "60", "--json"],
                                   interruptAfter: 2)
        let wall = started.duration(to: .now).seconds
        #expect(out.status == 0, "\(out.stderr)")
        let result = try #require((try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])?.first)
        #expect(result["status"] as? String == "time_limit" && result["message"] as? String == "interrupted", "\(result)")
        #expect(wall < 30, "\(wall) s: the interrupt did not stop CBC before its 60 s limit")  // generous: about 2 s
    }
}
