import FileSupport
import Foundation
import TestSupport
import Testing

/// Outputs replace regular files only, keep their mode, never overwrite an input, and a set of
/// files is written all or nothing (issue 15's write defects, one test each).
@Suite struct WriteTargetTests {
    func dir() -> URL { TestPaths.temporaryDirectory() }

    func refusal(_ path: String, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try TextFile.writeAtomically("new\n", to: path)
            Issue.record("\(path) was replaced", sourceLocation: sourceLocation)
        } catch let error as InputError {
            #expect(error.file == path && error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func symbolicLinksFifosAndFoldersAreNotReplaced() throws {
        let d = dir()
        defer { try? FileManager.default.removeItem(at: d) }
        let real = d.appendingPathComponent("real.txt").path, link = d.appendingPathComponent("link.txt").path
        try "old\n".write(toFile: real, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        refusal(link, "symbolic link")
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "old\n")
        let fifo = d.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        refusal(fifo, "not a regular file")
        refusal(d.path, "is a folder")
        refusal("/dev/null", "not a regular file")
    }

    @Test func readOnlyFilesAndInputsAreNotOverwrittenAndModesAreKept() throws {
        let d = dir()
        defer { try? FileManager.default.removeItem(at: d) }
        let locked = d.appendingPathComponent("locked.txt").path
        try "old\n".write(toFile: locked, atomically: false, encoding: .utf8)
        chmod(locked, 0o444)
        refusal(locked, "read-only")
        let input = d.appendingPathComponent("input.txt").path
        try "data\n".write(toFile: input, atomically: false, encoding: .utf8)
        _ = try TextFile.read(input)
        refusal(input, "is an input of this run")
        let secret = d.appendingPathComponent("secret.txt").path
        try "old\n".write(toFile: secret, atomically: false, encoding: .utf8)
        chmod(secret, 0o600)
        try TextFile.writeAtomically("new\n", to: secret)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: secret)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        #expect(try String(contentsOfFile: secret, encoding: .utf8) == "new\n")
    }

    @Test func aSetOfFilesIsWrittenAllOrNothing() throws {
        let d = dir()
        defer { try? FileManager.default.removeItem(at: d) }
        let a = d.appendingPathComponent("a.json").path, b = d.appendingPathComponent("b.csv").path
        try "old a\n".write(toFile: a, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: "/dev/null")
        #expect(throws: InputError.self) { try TextFile.writeAtomically([(Data("new a\n".utf8), a), (Data("new b\n".utf8), b)]) }
        #expect(try String(contentsOfFile: a, encoding: .utf8) == "old a\n", "a was replaced though b was refused")
        let left = try FileManager.default.contentsOfDirectory(atPath: d.path).filter { $0.contains(".tmp-") }
        #expect(left.isEmpty, "temporary files left: \(left)")
    }
}
