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
        InputFiles.note(path)
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

    /// Writes `data` atomically: temporary file beside `path`, then rename (`WriteTarget`
    /// says which targets are refused and keeps an existing file's mode).
    public static func writeAtomically(_ data: Data, to path: String) throws {
        try writeAtomically([(data, path)])
    }

    /// Creates the folder `path` and its missing parents; an `InputError` names the part that
    /// could not be made and why (`/proc/x: No such file or directory`, `… exists and is not a folder`).
    public static func createFolder(_ path: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { return }
            throw InputError(file: path, "exists and is not a folder")
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try createFolder(parent) }
        if mkdir(path, 0o777) != 0 && errno != EEXIST {
            throw InputError(file: path, "cannot create the folder: \(String(cString: strerror(errno)))")
        }
    }

    /// Writes `text` (UTF-8) atomically.
    public static func writeAtomically(_ text: String, to path: String) throws {
        try writeAtomically(Data(text.utf8), to: path)
    }

    /// Text files written together (`writeAtomically(_:)` on their UTF-8 bytes): `(text, path)`.
    public static func writeAtomically(texts files: [(String, String)]) throws {
        try writeAtomically(files.map { (Data($0.0.utf8), $0.1) })
    }

    /// Writes several files so that they appear together: every target is checked and every
    /// temporary file written before the first rename, so a failure leaves the old files as
    /// they were, and a reader never pairs a new file of the set with an old one (but in the
    /// moment of the renames themselves).
    public static func writeAtomically(_ files: [(Data, String)]) throws {
        let targets = try files.map { try WriteTarget(path: $0.1) }
        var temporaries: [String] = []
        defer { for t in temporaries { unlink(t); Interruption.written(t) } }
        for ((data, path), target) in zip(files, targets) {
            let url = URL(fileURLWithPath: path)
            let tmp = url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))").path
            temporaries.append(tmp)
            Interruption.writing(tmp)
            do {
                try data.write(to: URL(fileURLWithPath: tmp))
            } catch {
                throw InputError(file: path, "cannot write: \(error.localizedDescription)")
            }
            if let mode = target.keptMode { chmod(tmp, mode) }
        }
        for (tmp, (_, path)) in zip(temporaries, files) {
            if rename(tmp, path) != 0 { throw InputError(file: path, "cannot write: \(String(cString: strerror(errno)))") }
            Interruption.written(tmp)
        }
        temporaries.removeAll()
    }
}
