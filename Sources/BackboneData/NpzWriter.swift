import CZlib
import FileSupport
import Foundation

/// Writes `.npz` archives (a zip of `.npy` members, as `np.savez` / `np.savez_compressed`).
/// Plain 32-bit zip (members and archive under 4 GiB), which `np.load` reads.
public struct NpzWriter {
    public var compressed: Bool
    private var members: [(name: String, data: Data)] = []

    /// `compressed`: deflate members (`savez_compressed`) instead of storing them (`savez`).
    public init(compressed: Bool = false) { self.compressed = compressed }

    /// Adds a member; `key` gets `.npy` appended (the key `np.load` exposes).
    public mutating func add(_ key: String, npy: Data) {
        members.append((key.hasSuffix(".npy") ? key : key + ".npy", npy))
    }

    /// Adds a float64 array.
    public mutating func add(_ key: String, _ values: [Double], shape: [Int], dtype: NpyDType = .float64) {
        add(key, npy: NpyWriter.data(values, shape: shape, dtype: dtype))
    }

    /// The archive bytes.
    public func data() -> Data {
        var out = Data()
        var central = Data()
        for member in members {
            let name = Array(member.name.utf8)
            let crc = member.data.withUnsafeBytes { b in
                UInt32(crc32(0, b.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(b.count)))
            }
            let payload = compressed ? Inflate.deflateRaw(member.data) : member.data
            precondition(payload.count < 0xFFFF_FFFF && out.count < 0xFFFF_FFFF, "NpzWriter writes archives under 4 GiB")
            let method: UInt16 = compressed ? 8 : 0
            let offset = UInt32(out.count)
            // Local file header.
            le(0x0403_4B50, 4, &out); le(20, 2, &out); le(0, 2, &out); le(UInt64(method), 2, &out)
            le(0, 2, &out); le(0x21, 2, &out)  // 1980-01-01 00:00, as NumPy writes
            le(UInt64(crc), 4, &out); le(UInt64(payload.count), 4, &out); le(UInt64(member.data.count), 4, &out)
            le(UInt64(name.count), 2, &out); le(0, 2, &out)
            out.append(contentsOf: name)
            out.append(payload)
            // Central directory entry.
            le(0x0201_4B50, 4, &central); le(20, 2, &central); le(20, 2, &central); le(0, 2, &central)
            le(UInt64(method), 2, &central); le(0, 2, &central); le(0x21, 2, &central)
            le(UInt64(crc), 4, &central); le(UInt64(payload.count), 4, &central); le(UInt64(member.data.count), 4, &central)
            le(UInt64(name.count), 2, &central); le(0, 2, &central); le(0, 2, &central)
            le(0, 2, &central); le(0, 2, &central); le(0, 4, &central); le(UInt64(offset), 4, &central)
            central.append(contentsOf: name)
        }
        let directoryOffset = out.count
        out.append(central)
        // End of central directory.
        le(0x0605_4B50, 4, &out); le(0, 2, &out); le(0, 2, &out)
        le(UInt64(members.count), 2, &out); le(UInt64(members.count), 2, &out)
        le(UInt64(central.count), 4, &out); le(UInt64(directoryOffset), 4, &out); le(0, 2, &out)
        return out
    }

    /// Writes the archive atomically.
    public func write(to path: String) throws {
        try TextFile.writeAtomically(data(), to: path)
    }

    private func le(_ v: UInt64, _ bytes: Int, _ out: inout Data) {
        for b in 0..<bytes { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(b)))) }
    }
}
