import FileSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular, non-empty file mapped read-only into memory (pages read ahead in one go on
/// Linux). `nil` when the file cannot be mapped; callers then read it the ordinary way, which
/// reports why.
struct MappedFile {
    let base: UnsafePointer<UInt8>
    let count: Int

    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        InputFiles.note(path)
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let p = mmap(nil, size, PROT_READ, flags, fd, 0), p != MAP_FAILED else { return nil }
        base = UnsafePointer(p.assumingMemoryBound(to: UInt8.self))
        count = size
    }

    func unmap() {
        munmap(UnsafeMutableRawPointer(mutating: base), count)
    }
}
