import Foundation
import Redescription
import TestSupport

/// ExItNeRdoM's published data (`reference/exitnerdom`): present in development and CI; the
/// tests that need it are disabled when it is absent (a clone without `../shared`).
enum Exitnerdom {
    static let root = TestPaths.reference("exitnerdom")
    static var available: Bool { FileManager.default.fileExists(atPath: root + "/arff/mlp-s-111.arff") }

    static func arff(_ name: String) throws -> View { try ARFFReader.read(path: root + "/arff/" + name) }

    /// The `.rr` files of one setting, sorted by name.
    static func rrFiles(_ setting: String) throws -> [String] {
        let dir = root + "/rr/" + setting
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".rr") }.sorted().map { dir + "/" + $0 }
    }

    /// Settings1 ran on the 171-row test split, Settings4 on the 114-row one ('S' files).
    static func views(_ setting: String) throws -> (View, View) {
        setting == "Settings4" ? (try arff("mlp-s-111S.arff"), try arff("mlp-s-112S.arff"))
            : (try arff("mlp-s-111.arff"), try arff("mlp-s-112.arff"))
    }

    static func isIndividual(_ path: String) -> Bool { !path.contains("MWAll") }
}
