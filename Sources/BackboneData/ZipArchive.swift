import CZlib
import FileSupport
import Foundation

/// Reads the members of a zip archive, as far as NumPy's `.npz` files need: stored and
/// deflated members, zip64 sizes and offsets (NumPy forces zip64 local headers), no encryption,
/// single disk. Member sizes come from the central directory, so streamed members (sizes
/// after the data) read too. Every member's CRC-32 is checked.
public struct ZipArchive: Sendable {
    public struct Member: Sendable {
        public var name: String
        var method: UInt16
        var flags: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    public let file: String
    public let members: [Member]
    private let data: Data

    public static func read(path: String) throws -> ZipArchive {
        try ZipArchive(data: TextFile.readData(path), file: path)
    }

    public init(data: Data, file: String) throws {
        self.file = file
        self.data = data
        self.members = try data.withUnsafeBytes { try Self.centralDirectory(ZipBytes(raw: $0, file: file)) }
    }

    public var memberNames: [String] { members.map(\.name) }

    /// The most a deflate stream can expand (zlib's technical note: 1032:1).
    static let deflateRatio = 1032

    public func member(named name: String) -> Member? { members.first { $0.name == name } }

    /// The uncompressed bytes of a member.
    public func contents(of member: Member) throws -> Data {
        let location = "\(file)[\(member.name)]"
        return try data.withUnsafeBytes { raw -> Data in
            let z = ZipBytes(raw: raw, file: file)
            let local = member.localHeaderOffset
            guard try z.u32(local) == 0x0403_4B50 else {
                throw InputError(file: location, "corrupt zip: no local file header at offset \(local)")
            }
            let start = local + 30 + Int(try z.u16(local + 26)) + Int(try z.u16(local + 28))
            guard start <= raw.count, member.compressedSize <= raw.count - start else {
                throw InputError(file: location, "truncated zip: the member's \(member.compressedSize) bytes at offset \(start) run past the end of the file (\(raw.count) bytes)")
            }
            let compressed = UnsafeRawBufferPointer(rebasing: raw[start ..< start + member.compressedSize])
            let bytes: Data
            switch member.method {
            case 0:
                guard member.compressedSize == member.uncompressedSize else {
                    throw InputError(file: location, "corrupt zip: a stored member has different compressed and uncompressed sizes")
                }
                // A slice shares the archive's storage: no copy of a large stored array.
                bytes = data[data.startIndex + start ..< data.startIndex + start + member.compressedSize]
            case 8:
                bytes = try Inflate.raw(compressed, expectedSize: member.uncompressedSize, file: location)
            default:
                throw InputError(file: location, "zip compression method \(member.method) is not supported (only stored and deflate; NumPy writes these)")
            }
            let crc = bytes.withUnsafeBytes { b -> UInt32 in
                UInt32(CZlib.crc32(0, b.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(b.count)))
            }
            guard crc == member.crc32 else {
                throw InputError(file: location, "corrupt zip member: CRC-32 is \(String(crc, radix: 16)), the directory says \(String(member.crc32, radix: 16))")
            }
            return bytes
        }
    }

    /// The uncompressed bytes of the member called `name`; nil if absent.
    public func contents(ofMemberNamed name: String) throws -> Data? {
        guard let m = member(named: name) else { return nil }
        return try contents(of: m)
    }

    private static func centralDirectory(_ z: ZipBytes) throws -> [Member] {
        guard z.raw.count > 0 else { throw InputError(file: z.file, "the file is empty: expected a zip (.npz) archive") }
        // The end-of-central-directory record is in the last 22 + 65535 bytes (comment ≤ 64 KiB).
        var eocd = -1
        var p = z.raw.count - 22
        let lowest = max(0, z.raw.count - 22 - 65535)
        while p >= lowest {
            if try z.u32(p) == 0x0605_4B50 { eocd = p; break }
            p -= 1
        }
        guard eocd >= 0 else {
            let isZip = z.raw.count >= 4 && (try? z.u32(0)) == 0x0403_4B50
            throw InputError(file: z.file, isZip
                             ? "truncated zip archive: the end-of-central-directory record is missing"
                             : "not a zip (.npz) archive")
        }
        var entryCount = Int(try z.u16(eocd + 10))
        var directorySize = Int(try z.u32(eocd + 12))
        var directoryOffset = Int(try z.u32(eocd + 16))
        if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // zip64: a locator just before the record points at the zip64 end record.
            let locator = eocd - 20
            guard locator >= 0, try z.u32(locator) == 0x0706_4B50 else {
                throw InputError(file: z.file, "corrupt zip: zip64 sizes without a zip64 locator")
            }
            let record = try z.int64(locator + 8)
            guard try z.u32(record) == 0x0606_4B50 else {
                throw InputError(file: z.file, "corrupt zip: no zip64 end-of-central-directory record at offset \(record)")
            }
            entryCount = try z.int64(record + 32)
            directorySize = try z.int64(record + 40)
            directoryOffset = try z.int64(record + 48)
        }
        guard directoryOffset <= eocd, directorySize <= eocd - directoryOffset else {
            throw InputError(file: z.file, "truncated zip archive: the central directory (offset \(directoryOffset), \(directorySize) bytes) lies past the end of the data")
        }
        // Each directory entry takes at least 46 bytes.
        guard entryCount <= directorySize / 46 else {
            throw InputError(file: z.file, "corrupt zip: \(entryCount) members cannot fit in a central directory of \(directorySize) bytes")
        }
        var members: [Member] = []
        var q = directoryOffset
        for _ in 0..<entryCount {
            guard try z.u32(q) == 0x0201_4B50 else {
                throw InputError(file: z.file, "corrupt zip: bad central directory entry at offset \(q)")
            }
            let flags = try z.u16(q + 8)
            let method = try z.u16(q + 10)
            let crc = try z.u32(q + 16)
            var compressed = Int(try z.u32(q + 20))
            var uncompressed = Int(try z.u32(q + 24))
            let nameLength = Int(try z.u16(q + 28))
            let extraLength = Int(try z.u16(q + 30))
            let commentLength = Int(try z.u16(q + 32))
            var offset = Int(try z.u32(q + 42))
            let name = String(decoding: try z.slice(q + 46, nameLength), as: UTF8.self)
            // zip64 extra field (id 1): only the fields whose 32-bit value is 0xFFFFFFFF, in this order.
            var e = q + 46 + nameLength
            let extraEnd = e + extraLength
            while e + 4 <= extraEnd {
                let id = try z.u16(e)
                let size = Int(try z.u16(e + 2))
                if id == 1 {
                    var f = e + 4
                    if uncompressed == 0xFFFF_FFFF { uncompressed = try z.int64(f); f += 8 }
                    if compressed == 0xFFFF_FFFF { compressed = try z.int64(f); f += 8 }
                    if offset == 0xFFFF_FFFF { offset = try z.int64(f); f += 8 }
                }
                e += 4 + size
            }
            if flags & 1 != 0 {
                throw InputError(file: z.file, "zip member '\(InputError.excerpt(name))' is encrypted: not supported")
            }
            // Sizes and offsets are bounded by the file itself: a member's data lies inside the
            // archive, and deflate expands at most 1032-fold (zlib's limit), so a corrupt size
            // is an error here, not an allocation or an overflow later.
            let location = "\(z.file)[\(InputError.excerpt(name))]"
            guard offset < z.raw.count else {
                throw InputError(file: location, "corrupt zip: the member starts at offset \(offset), past the end of the file (\(z.raw.count) bytes)")
            }
            guard compressed <= z.raw.count - offset else {
                throw InputError(file: location, "corrupt zip: the member's \(compressed) compressed bytes at offset \(offset) run past the end of the file (\(z.raw.count) bytes)")
            }
            let largest = method == 8 ? compressed.multipliedReportingOverflow(by: Self.deflateRatio).partialValue &+ 64 : compressed
            guard uncompressed <= largest || (method != 0 && method != 8) else {
                throw InputError(file: location, method == 0
                                 ? "corrupt zip: a stored member of \(compressed) bytes says it holds \(uncompressed)"
                                 : "corrupt zip: \(compressed) deflated bytes cannot hold the \(uncompressed) bytes the directory says (deflate expands at most \(Self.deflateRatio)-fold)")
            }
            members.append(Member(name: name, method: method, flags: flags, crc32: crc,
                                  compressedSize: compressed, uncompressedSize: uncompressed,
                                  localHeaderOffset: offset))
            q = extraEnd + commentLength
        }
        return members
    }
}

/// Bounds-checked little-endian reads; running past the end is a truncated archive.
private struct ZipBytes {
    let raw: UnsafeRawBufferPointer
    let file: String

    func check(_ offset: Int, _ n: Int) throws {
        guard offset >= 0, n >= 0, offset <= raw.count, n <= raw.count - offset else {
            throw InputError(file: file, "truncated zip archive: needs \(n) bytes at offset \(offset) but the file has \(raw.count)")
        }
    }
    func u16(_ o: Int) throws -> UInt16 { try check(o, 2); return UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: o, as: UInt16.self)) }
    func u32(_ o: Int) throws -> UInt32 { try check(o, 4); return UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: o, as: UInt32.self)) }
    func int64(_ o: Int) throws -> Int {
        try check(o, 8)
        let v = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: o, as: UInt64.self))
        guard v <= UInt64(Int.max) else { throw InputError(file: file, "corrupt zip: 64-bit size out of range") }
        return Int(v)
    }
    func slice(_ o: Int, _ n: Int) throws -> UnsafeRawBufferPointer {
        try check(o, n)
        return UnsafeRawBufferPointer(rebasing: raw[o ..< o + n])
    }
}
