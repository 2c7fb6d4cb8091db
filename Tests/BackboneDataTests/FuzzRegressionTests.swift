@testable import BackboneData
import FileSupport
import Foundation
import Mining
import Testing
import TestSupport

/// The fuzzing reproducers of the BackboneData readers (Tests/Fixtures/fuzz): each once
/// crashed (overflow, a 4 GiB reservation), read data wrongly, or echoed raw escape bytes.
@Suite struct FuzzRegressionTests {
    static func fuzz(_ name: String) -> String { TestPaths.fixture("fuzz/" + name) }

    // MARK: - Corrupt .npz archives: every size bounded by the file

    @Test(arguments: [
        ("zip64_locator_far.npz", "zip64_locator_far.npz", "truncated zip archive: needs 4 bytes at offset 9223372036854775807 but the file has 2460"),
        ("zip64_record_huge.npz", "zip64_record_huge.npz", "truncated zip archive: the central directory (offset 4611686018427387904, 4611686018427387904 bytes) lies past the end of the data"),
        ("zip64_extra_huge_size.npz", "zip64_extra_huge_size.npz[activations.npy]", "corrupt zip: the member's 9223372036854775807 compressed bytes at offset 0 run past the end of the file (2460 bytes)"),
        ("deflate_uncompressed_ffffffff.npz", "deflate_uncompressed_ffffffff.npz[activations.npy]", "corrupt zip: 1023 deflated bytes cannot hold the 4294967295 bytes the directory says (deflate expands at most 1032-fold)"),
        ("deflate_uncompressed_fffffffe.npz", "deflate_uncompressed_fffffffe.npz[activations.npy]", "corrupt zip: 1023 deflated bytes cannot hold the 4294967294 bytes the directory says (deflate expands at most 1032-fold)"),
    ])
    func corruptArchivesAreErrors(_ c: (file: String, location: String, message: String)) throws {
        let path = Self.fuzz(c.file)
        for read in [{ _ = try NpzFormat.read(path: path) }, { _ = try DenseNetwork.read(path: path) }] {
            let error = try #require(throws: InputError.self) { try read() }
            #expect(error.file == TestPaths.fixture("fuzz/" + c.location))
            #expect(error.message == c.message)
        }
    }

    /// Hand-made archives: a stored member claiming more bytes than it has, and a deflated
    /// member claiming more than 1032 times its compressed size, are refused at the directory.
    @Test func memberSizesAreCheckedAgainstTheFile() throws {
        let good = NpzTests.archive(compressed: false)
        _ = try ZipArchive(data: good, file: "good.npz")
        // Patch the first central-directory entry's uncompressed size (offset 24 in the entry).
        func patched(_ data: Data, uncompressed: UInt32) -> Data {
            var bytes = [UInt8](data)
            let entry = (0 ..< bytes.count - 4).first { bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 1 && bytes[$0 + 3] == 2 }!
            withUnsafeBytes(of: uncompressed.littleEndian) { for k in 0..<4 { bytes[entry + 24 + k] = $0[k] } }
            return Data(bytes)
        }
        let stored = try #require(throws: InputError.self) { _ = try ZipArchive(data: patched(good, uncompressed: 0xFFFF_FF00), file: "s.npz") }
        #expect(stored.message.hasPrefix("corrupt zip: a stored member of "), "\(stored)")
        let deflated = NpzTests.archive(compressed: true)
        let inflated = try #require(throws: InputError.self) { _ = try ZipArchive(data: patched(deflated, uncompressed: 0xFFFF_FF00), file: "d.npz") }
        #expect(inflated.message.contains("deflate expands at most 1032-fold"), "\(inflated)")
    }

    // MARK: - .npy headers

    /// `{'descr': '<f8', 'fortran_order': False, 'shape': (24, 9), 'fortran_order': True, }`:
    /// NumPy takes the last 'fortran_order'; we refuse a header that says two things.
    @Test func duplicateHeaderKeysAreRefused() throws {
        let path = Self.fuzz("npy_duplicate_keys.npy")
        let error = try #require(throws: InputError.self) { _ = try NpyFormat.read(path: path) }
        #expect(error.file == path)
        #expect(error.message == ".npy header has the key 'fortran_order' twice (header character 60): a corrupt or hand-edited file")
        // The labels beside it are fine.
        #expect(try NpyFormat.read(path: Self.fuzz("ok_labels.npy")).count == 24)
    }

    // MARK: - CSV

    /// A blank first line: the `predicted` column must still be found as the header's, not
    /// read as a neuron (the header sniffing skips blank lines as the reader does).
    @Test func leadingBlankLineKeepsThePredictionColumn() throws {
        let read = try ActivationSpec(path: Self.fuzz("csv_leading_blank_line.csv")).read()
        #expect(read.matrix.columnCount == 9)
        #expect(read.matrix.rowCount == 24)
        #expect(read.matrix.predictedLabels?.prefix(3) == [0, 2, 2])
        #expect(read.matrix.trueLabels.prefix(3) == [0, 1, 2])
        #expect(Array(read.matrix.values.prefix(2)) == [0.3456, 0.8216])
        // Blank lines of spaces, tabs and CRLF, and a byte-order mark, before the header too.
        let text = try String(contentsOfFile: Self.fuzz("csv_leading_blank_line.csv"), encoding: .utf8)
        let variant = try Fixtures.file("v.csv", "\u{FEFF} \t\r\n\r\n" + text.drop { $0 == "\n" })
        #expect(try CSVFormat.header(path: variant).prefix(2) == ["label", "predicted"])
        let again = try ActivationSpec(path: variant).read()
        #expect(again.matrix.predictedLabels == read.matrix.predictedLabels)
        #expect(again.matrix.values == read.matrix.values)
    }

    /// `2,2,ESC[2JESC[31mHACKEDESC[0m0.0,…`: the message shows the escapes, not the bytes.
    @Test func messagesEscapeControlCharacters() throws {
        let path = Self.fuzz("csv_escape_in_field.csv")
        let error = try #require(throws: InputError.self) { _ = try ActivationSpec(path: path).read() }
        #expect(error.line == 4)
        #expect(error.column == 3)
        #expect(error.description == "\(path):4:3: '\\x1b[2J\\x1b[31mHACKED\\x1b[0m0.0' is not a number")
        #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }

    @Test func escapingAndExcerpts() {
        #expect(InputError.escaped("a\u{1b}b\tc\nd\re\u{7f}f\u{85}g\u{202E}h\u{2028}") == "a\\x1bb\\tc\\nd\\re\\x7ff\\x85g\\u{202E}h\\u{2028}")
        #expect(InputError.escaped("plain text, ünïcödé ✓") == "plain text, ünïcödé ✓")
        #expect(InputError(file: "a\nb.csv", line: 1, "x\u{0}y").description == "a\\nb.csv:1: x\\x00y")
        #expect(InputError.excerpt(String(repeating: "x", count: 80)) == String(repeating: "x", count: 80))
        #expect(InputError.excerpt(String(repeating: "y", count: 81)) == String(repeating: "y", count: 80) + "…")
        #expect(InputError.excerpt("abcdef", limit: 3) == "abc…")
        // A reader quoting a long token caps it.
        let long = String(repeating: "z", count: 5000)
        let error = try? TransactionDatabase(fimiText: "1 \(long)\n")
        #expect(error == nil)
        do { _ = try TransactionDatabase(fimiText: "1 \(long)\n") } catch let e as InputError {
            #expect(e.description == "line 1:3: expected an item id (a non-negative integer), found '\(String(repeating: "z", count: 80))…'")
        } catch { Issue.record("\(error)") }
    }

    // MARK: - k and layer widths

    /// `--k 4611686018427387904` overflowed `k · w_l`; any k above the neuron count keeps every
    /// layer whole, as k = n does.
    @Test func hugeKIsTheWholeLayer() throws {
        #expect(Binarizer.referenceCounts(k: 4_611_686_018_427_387_904, widths: [4, 3, 2]) == [4, 3, 2])
        #expect(Binarizer.referenceCounts(k: .max, widths: [4, 3, 2]) == [4, 3, 2])
        #expect(Binarizer.referenceCounts(k: 9, widths: [4, 3, 2]) == [4, 3, 2])
        #expect(Binarizer.referenceCounts(k: 5, widths: [4, 3, 2]) == [2, 1, 1])
        #expect(Binarizer.referenceCounts(k: 50, widths: [256, 32]) == [44, 5])
        let matrix = try CSVFormat.read(path: Self.fuzz("small.csv"), columns: .init(prediction: "predicted"))
        let layout = try LayerLayout(widths: [4, 3, 2])
        let huge = try Binarizer.binarize(matrix, layout: layout, rule: .reference(k: 4_611_686_018_427_387_904))
        let whole = try Binarizer.binarize(matrix, layout: layout, rule: .reference(k: 9))
        #expect(huge.database == whole.database)
        #expect(huge.keptPerLayer == [4, 3, 2])
        let topK = try Binarizer.binarize(matrix, layout: layout, rule: .topK(.max))
        #expect(topK.database == whole.database)
    }

    /// `--layers 4,3,2000000000`: checked against the 9 columns, no allocation on the way.
    @Test func absurdWidthsAreCheckedAgainstTheData() throws {
        let spec = ActivationSpec(path: Self.fuzz("small.csv"), layers: try LayerLayout(widths: [4, 3, 2_000_000_000]))
        let error = try #require(throws: InputError.self) { _ = try spec.read() }
        #expect(error.message == "layer widths 4,3,2000000000 sum to 2000000007 but the activation matrix has 9 columns")
        let overflow = try #require(throws: InputError.self) { _ = try LayerLayout.fromOption("9223372036854775807,9223372036854775807") }
        #expect(overflow.subject == .layers)
    }

    // MARK: - CRLF

    @Test func explanationFilesWithCRLFRead() throws {
        let text = "{0: [(1, 0.5), (3, 0.25)]}\n{0: [(2, 1.0)]}\n{1: {0: [(4, 0.75)]}}\n"
        let lf = try Explanation.parse(text)
        let crlf = try Explanation.parse(text.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(lf == crlf)
        #expect(lf.correct.count == 1)
    }
}
