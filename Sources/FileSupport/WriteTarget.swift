import Foundation

/// A file about to be written, checked before anything is: the tool replaces regular files
/// only — never a symbolic link, FIFO, device or folder (as root, `--output /dev/full` would
/// otherwise replace the device), never a read-only file, never a file this run read
/// (`InputFiles`) — and keeps the mode of the file it replaces.
public struct WriteTarget {
    public let path: String
    /// The permission bits of the file replaced (nil for a new file: the umask decides).
    public let keptMode: mode_t?

    public init(path: String) throws {
        self.path = path
        var info = stat()
        guard lstat(path, &info) == 0 else {
            keptMode = nil
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: throw InputError(file: path, "is a symbolic link: refusing to replace it (give the real path)")
        case S_IFDIR: throw InputError(file: path, "is a folder, not a file")
        default: throw InputError(file: path, "is not a regular file (a device, FIFO or socket): refusing to replace it")
        }
        if info.st_mode & 0o222 == 0 { throw InputError(file: path, "is read-only: refusing to overwrite it") }
        if InputFiles.contains(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)) {
            throw InputError(file: path, "is an input of this run: refusing to overwrite it")
        }
        keptMode = info.st_mode & 0o7777
    }
}

/// The files this process has read (device and inode, with the path read), so that no output
/// overwrites an input — through another name or a link too.
public enum InputFiles {
    nonisolated(unsafe) private static var read: [[UInt64]: Set<String>] = [:]
    private static let lock = NSLock()

    /// Records `path` as an input (readers call it when they open a file).
    public static func note(_ path: String) {
        guard let id = identity(path) else { return }
        lock.lock(); defer { lock.unlock() }
        read[id, default: []].insert(path)
    }

    /// Whether the file is an input still: one of the paths read names it yet (an inode of a
    /// deleted input may be reused by a new file, which is not an input).
    static func contains(device: UInt64, inode: UInt64) -> Bool {
        lock.lock()
        let paths = read[[device, inode]] ?? []
        lock.unlock()
        return paths.contains { identity($0) == [device, inode] }
    }

    private static func identity(_ path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }
}
