import BackboneCore
import FileSupport
import Foundation

/// `fronts.jsonl` in a report folder: every front finished whole, one JSON line each, appended
/// as soon as it is done, after a first line with the run's settings. `pareto --resume` reads it
/// back and computes only the fronts it lacks; a line cut short by a kill is ignored.
/// A resumed run's report equals an uninterrupted run's (timings aside: they are the first run's).
public final class FrontCheckpoint: @unchecked Sendable {
    public static let fileName = "fronts.jsonl"
    public static let schema = "backbones.fronts-checkpoint/1"

    public let path: String
    private let handle: FileHandle
    private let lock = NSLock()

    private struct Header: Codable {
        var schema: String
        var settings: [[String]]
    }

    /// Opens the checkpoint of `directory`: with `resume`, reads the fronts there (the settings
    /// must be the same as `settings`) and appends to it; without, starts it afresh.
    public static func open(in directory: String, settings: [(String, String)], resume: Bool) throws -> (FrontCheckpoint, [FrontKey: ExactFront]) {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(fileName).path
        let header = Header(schema: schema, settings: settings.map { [$0.0, $0.1] })
        var finished: [FrontKey: ExactFront] = [:]
        if resume, FileManager.default.fileExists(atPath: path) {
            let (fronts, valid, whole) = try read(path: path, expecting: header)
            finished = fronts
            // A line cut short by a kill would swallow the next front appended: drop it.
            if valid != whole { try TextFile.writeAtomically(valid, to: path) }
        } else {
            try TextFile.createFolder(directory)
            try TextFile.writeAtomically(try line(header), to: path)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw InputError(file: path, "cannot open for appending") }
        handle.seekToEndOfFile()
        return (FrontCheckpoint(path: path, handle: handle), finished)
    }

    private init(path: String, handle: FileHandle) {
        self.path = path
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// Appends one finished front (one write of one line).
    public func append(_ front: ExactFront) {
        guard let text = try? Self.line(front) else { return }
        lock.lock(); defer { lock.unlock() }
        handle.write(Data(text.utf8))
    }

    private static func line<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// The fronts of the checkpoint at `path`, whatever its settings (a cluster job's: the merge
    /// checks that every front it needs is there).
    public static func fronts(at path: String) throws -> [FrontKey: ExactFront] {
        try read(path: path, expecting: nil).0
    }

    /// The fronts, the text of the whole lines read, and the whole text.
    private static func read(path: String, expecting header: Header?) throws -> ([FrontKey: ExactFront], String, String) {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw InputError(file: path, "cannot read the checkpoint: \(error.localizedDescription)")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let decoder = JSONDecoder()
        guard let first = lines.first, let found = try? decoder.decode(Header.self, from: Data(first.utf8)), found.schema == schema else {
            throw InputError(file: path, line: 1, "not a fronts checkpoint of this version (\(schema))")
        }
        if let header, found.settings != header.settings {
            let was = Dictionary(found.settings.map { ($0.first ?? "", $0.last ?? "") }, uniquingKeysWith: { a, _ in a })
            let differs = header.settings.first { was[$0[0]] != $0[1] }.map { "\($0[0]) was '\(was[$0[0]] ?? "absent")', now '\($0[1])'" }
                ?? "the settings differ"
            throw InputError(file: path, line: 1, "written by a run with other settings (\(differs)): resume with the same input and options, or write to another folder")
        }
        var fronts: [FrontKey: ExactFront] = [:]
        var valid = String(first) + "\n"
        for (n, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            guard let front = try? decoder.decode(ExactFront.self, from: Data(line.utf8)) else {
                // Only the last line can be cut short by a kill; anything else is damage.
                if n == lines.count - 1 || (n == lines.count - 2 && lines.last?.isEmpty == true) { break }
                throw InputError(file: path, line: n + 1, "not a front: the checkpoint is damaged (delete it to start over)")
            }
            fronts[FrontKey(front)] = front
            valid += line + "\n"
        }
        return (fronts, valid, text)
    }
}
