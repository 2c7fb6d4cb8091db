import Foundation
import TestSupport
import Testing

/// What a new user trips over first (issue 15's papercuts), one check each.
@Suite struct NewcomerTests {
    static let digits = ["--activations", "data/digits/train.csv", "--layers", "64,32,16"]

    @Test func versionIsPrinted() throws {
        let out = try runBackbones(["--version"])
        #expect(out.status == 0 && out.stdout.hasPrefix("backbones "), "\(out.stdout)\(out.stderr)")
    }

    @Test func usageErrorsHaveTheOnePrefixAndExitTwo() throws {
        for args in [["solve", "x.lp", "--time-limit", "-1"], ["solve", "x.lp", "--time-limit", "inf"], ["pareto", "--output", "/tmp/x"]] {
            let out = try runBackbones(args)
            #expect(out.status == 2, "\(args): \(out.stderr)")
            #expect(out.stderr.hasPrefix("backbones: error: "), "\(args): \(out.stderr)")
            #expect(!out.stderr.contains("\nError:"), "\(args): \(out.stderr)")
        }
    }

    @Test func onlyPicksAGroupOfAnyKind() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try runBackbones(["pareto"] + Self.digits + ["--only", "misclassified:3", "--q", "1", "--no-exact", "--output", dir.path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("misclassified:3"))
    }

    @Test func aBudgetBelowTheSmallestUsefulSizeSaysSoWithoutSolving() throws {
        let out = try runBackbones(["ilp", "--model", "cover"] + Self.digits + ["--only", "correct:0", "--budget", "10"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("nothing is coverable with fewer than 49 neurons"), "\(out.stdout)")
    }

    @Test func emptyListsAndBadFoldersAreErrorsNotSilence() throws {
        let cases: [([String], String)] = [
            (["heuristic", "--transactions", ",", "--layers", "64,32,16"], "--transactions names no file"),
            (["selftest", "--time-limit", "0"], "--time-limit must be positive"),
            (["artifacts", "--reference", "../shared/reference", "--output", "/proc/x/y"], "/proc/x: cannot create the folder: No such file or directory"),
            (["experiment", "--fold", "data/digits", "--output", "/proc/x/y"], "/proc/x: cannot create the folder"),
        ]
        for (args, fragment) in cases {
            let out = try runBackbones(args)
            #expect(out.status == 2, "\(args): \(out.stderr)")
            #expect(out.stderr.hasPrefix("backbones: error: ") && out.stderr.contains(fragment), "\(args): \(out.stderr)")
        }
    }
}
