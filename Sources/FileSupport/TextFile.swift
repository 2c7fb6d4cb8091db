import Foundation

/// Reading and writing whole files with the guarantees the tool promises:
/// a missing file is an `InputError` naming it, and writes go to a temporary file in the
/// same directory that is renamed over the target only when complete (nothing half-written).
public enum TextFile {
    /// The contents of `path` as bytes; `InputError` if it cannot be read.
    public static func readData(_ path: String) throws -> Data {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(file: path, "no such file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, "cannot read the file (permissions?)")
        }
        return data
    }

    /// The contents of `path` as UTF-8 text; `InputError` if missing or not UTF-8.
    public static func read(_ path: String) throws -> String {
        let data = try readData(path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: path, "the file is not UTF-8 text")
        }
        return text
    }

    /// Writes `data` atomically: temporary file beside `path`, then rename.
    public static func writeAtomically(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))")
        do {
            try data.write(to: tmp)
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw InputError(file: path, "cannot write: \(error.localizedDescription)")
        }
        if rename(tmp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: tmp)
            throw InputError(file: path, "cannot write: \(reason)")
        }
    }

    /// Writes `text` (UTF-8) atomically.
    public static func writeAtomically(_ text: String, to path: String) throws {
        try writeAtomically(Data(text.utf8), to: path)
    }
}
