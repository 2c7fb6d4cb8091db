import FileSupport
import Foundation
import Mining
import Testing
import TestSupport

@Suite struct FIMITests {
    @Test func parsesLinesBlankLinesAndItemCount() throws {
        let db = try TransactionDatabase(fimiText: "1 2 5\n\n0\t3  3\r\n7")
        #expect(db.count == 4)
        #expect(db.itemCount == 8)
        #expect(db.itemLists == [[1, 2, 5], [], [0, 3], [7]])
    }

    @Test func trailingNewlineEndsTheLastTransaction() throws {
        #expect(try TransactionDatabase(fimiText: "").count == 0)
        #expect(try TransactionDatabase(fimiText: "\n").itemLists == [[]])
        #expect(try TransactionDatabase(fimiText: "4\n").itemLists == [[4]])
        #expect(try TransactionDatabase(fimiText: "4\n\n").itemLists == [[4], []])
        #expect(try TransactionDatabase(fimiText: "4").itemCount == 5)
        #expect(try TransactionDatabase(fimiText: "\n\n").itemCount == 0)
    }

    @Test func givenItemCountIsKept() throws {
        let db = try TransactionDatabase(fimiText: "0 1\n", itemCount: 10)
        #expect(db.itemCount == 10)
    }

    @Test func roundTrip() throws {
        var rng = SplitMix(seed: 99)
        for _ in 0..<20 {
            let db = randomDatabase(itemCount: Int.random(in: 1...150, using: &rng),
                                    transactions: Int.random(in: 0...50, using: &rng),
                                    density: 0.3, using: &rng)
            let text = db.fimiText
            #expect(try TransactionDatabase(fimiText: text, itemCount: db.itemCount) == db)
        }
        let withEmpty = database(4, [[], [1, 3], [], []])
        #expect(withEmpty.fimiText == "\n1 3\n\n\n")
        #expect(try TransactionDatabase(fimiText: withEmpty.fimiText, itemCount: 4) == withEmpty)
    }

    @Test func fileRoundTrip() throws {
        let path = NSTemporaryDirectory() + "mining-fimi-\(getpid()).dat"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let db = database(6, [[0, 5], [1, 2, 3], []])
        try db.writeFIMI(to: path)
        #expect(try TransactionDatabase.readFIMI(path: path, itemCount: 6) == db)
        #expect(try TextFile.read(path) == "0 5\n1 2 3\n\n")
    }

    @Test(arguments: [
        ("1 2\n3 x 4\n", 2, 3, "expected an item id (a non-negative integer), found 'x'"),
        ("1 2.5\n", 1, 3, "expected an item id (a non-negative integer), found '2.5'"),
        ("0\n\n  -4 1\n", 3, 3, "negative item id -4: item ids are non-negative integers"),
        ("7 +3\n", 1, 3, "expected an item id (a non-negative integer), found '+3'"),
        ("1 2\n3 99999999999999999999999\n", 2, 3, "item id '99999999999999999999999' is too large"),
        ("é 3\n", 1, 1, "expected an item id (a non-negative integer), found 'é'"),
    ])
    func malformedTokenIsLocated(text: String, line: Int, column: Int, message: String) {
        let error = #expect(throws: InputError.self) {
            try TransactionDatabase(fimiText: text, file: "data.fimi")
        }
        #expect(error == InputError(file: "data.fimi", line: line, column: column, message))
    }

    @Test func itemOutsideGivenCountIsLocated() {
        let error = #expect(throws: InputError.self) {
            try TransactionDatabase(fimiText: "0 1\n2 10 3\n", file: "f", itemCount: 10)
        }
        #expect(error?.description == "f:2:3: item id 10 is outside 0..<10 (the item count)")
    }

    @Test func hugeIdWithoutItemCountIsRefused() {
        let error = #expect(throws: InputError.self) {
            try TransactionDatabase(fimiText: "5000000000\n")
        }
        #expect(error?.line == 1)
        #expect(error?.column == 1)
    }

    @Test func missingFileIsAnInputError() {
        #expect(throws: InputError.self) {
            try TransactionDatabase.readFIMI(path: "/nonexistent/mining.fimi")
        }
    }
}
