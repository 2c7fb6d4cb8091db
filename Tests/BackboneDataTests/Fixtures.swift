import FileSupport
import Foundation
import Testing

/// Helpers shared by the BackboneData tests: a scratch directory per test, and the authors'
/// reference data found relative to this file (the package sits at `/work/main`, the data at
/// `/work/shared/reference`).
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let referenceDirectory = packageRoot.appendingPathComponent("../shared/reference").standardized.path

    static var referenceAvailable: Bool {
        FileManager.default.fileExists(atPath: referenceDirectory + "/lfw/recognizer1.npz")
    }

    static func reference(_ relative: String) -> String { referenceDirectory + "/" + relative }

    /// A fresh empty directory.
    static func scratchDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("backbone-data-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Writes `text` to `name` in a fresh directory and returns the path.
    static func file(_ name: String, _ text: String) throws -> String {
        try file(name, Data(text.utf8))
    }

    static func file(_ name: String, _ data: Data) throws -> String {
        let path = try scratchDirectory() + "/" + name
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// Runs `body`, which must throw an `InputError`, and checks its position and message.
@discardableResult
func expectInputError(line: Int?, column: Int?, _ fragments: String...,
                      sourceLocation: SourceLocation = #_sourceLocation,
                      _ body: () throws -> Void) -> InputError? {
    do {
        try body()
        Issue.record("expected an InputError, nothing was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let error as InputError {
        #expect(error.line == line, "line of: \(error)", sourceLocation: sourceLocation)
        #expect(error.column == column, "column of: \(error)", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(error.message.contains(fragment), "'\(fragment)' not in: \(error)", sourceLocation: sourceLocation)
        }
        return error
    } catch {
        Issue.record("expected an InputError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
