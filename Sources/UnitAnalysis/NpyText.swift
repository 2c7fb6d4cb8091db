import BackboneData
import FileSupport
import Foundation

/// The one string a NumPy scalar of dtype `<U…` or `|S…` holds (e.g. scikit-learn's
/// `activation = 'relu'` saved with `np.savez`); the array reader of `BackboneData` reads
/// numbers only.
enum NpyText {
    /// The string stored under `key` (member `key.npy`), or nil when the archive has no such member.
    static func scalar(_ key: String, in archive: ZipArchive) throws -> String? {
        guard let data = try archive.contents(ofMemberNamed: key + ".npy") else { return nil }
        return try scalar(Array(data), file: "\(archive.file)[\(key).npy]")
    }

    static func scalar(_ bytes: [UInt8], file: String) throws -> String {
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
        guard bytes.count >= 10, bytes.prefix(6).elementsEqual(magic) else {
            throw InputError(file: file, "not a NumPy .npy file (the magic string \\x93NUMPY is missing)")
        }
        let (start, length) = bytes[6] == 1 ? (10, Int(bytes[8]) | Int(bytes[9]) << 8)
            : (12, bytes.count >= 12 ? Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24 : -1)
        guard length >= 0, start + length <= bytes.count else {
            throw InputError(file: file, "truncated .npy file: shorter than its header")
        }
        let header = String(decoding: bytes[start ..< start + length], as: UTF8.self)
        let payload = Array(bytes[(start + length)...])
        guard header.contains("'shape': ()"), let descr = header.firstMatch(of: /'descr': '([<>|=])([US])(\d+)'/) else {
            throw InputError(file: file, "expected a string scalar (dtype <U or |S, shape ()), found the header \(InputError.excerpt(header.trimmingCharacters(in: .whitespacesAndNewlines)))")
        }
        let count = Int(descr.output.3)!
        let unicode = descr.output.2 == "U"
        guard payload.count == count * (unicode ? 4 : 1) else {
            throw InputError(file: file, "a string of dtype \(descr.output.1)\(descr.output.2)\(count) needs \(count * (unicode ? 4 : 1)) data bytes, found \(payload.count)")
        }
        var scalars = String.UnicodeScalarView()
        for i in 0..<count {
            let value: UInt32 = unicode
                ? (descr.output.1 == ">" ? (0..<4).reduce(0) { $0 << 8 | UInt32(payload[4 * i + $1]) }
                                         : (0..<4).reduce(0) { $0 | UInt32(payload[4 * i + $1]) << (8 * $1) })
                : UInt32(payload[i])
            guard value != 0 else { break }  // NumPy pads short strings with NULs
            guard let scalar = Unicode.Scalar(value) else {
                throw InputError(file: file, "character \(i + 1) of the string is not a Unicode scalar value")
            }
            scalars.append(scalar)
        }
        return String(scalars)
    }
}
