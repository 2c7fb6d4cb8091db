import Foundation

/// Locations the tests need: the package root, the shared reference data, the built tool.
public enum TestPaths {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `../shared/reference` beside the package (present in development and in CI), or the
    /// folder named by `BACKBONES_REFERENCE` for a clone kept elsewhere.
    public static var reference: URL {
        if let dir = ProcessInfo.processInfo.environment["BACKBONES_REFERENCE"], !dir.isEmpty {
            return URL(fileURLWithPath: dir).standardized
        }
        return packageRoot.appendingPathComponent("../shared/reference").standardized
    }

    public static func reference(_ relative: String) -> String { reference.appendingPathComponent(relative).path }

    /// Whether the shared reference data is there (a clone kept elsewhere, without
    /// `BACKBONES_REFERENCE`, skips the tests that need it).
    public static var referenceAvailable: Bool { FileManager.default.fileExists(atPath: reference("orlib/scpa1.txt")) }

    /// A file under `Tests/Fixtures/` (small inputs kept with the tests, e.g. `fuzz/tiny.txt`).
    public static func fixture(_ relative: String) -> String {
        packageRoot.appendingPathComponent("Tests/Fixtures/" + relative).path
    }

    /// A fresh temporary folder.
    public static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("backbones-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The `backbones` executable built beside the running test bundle.
    public static var executable: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = bundle.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("backbones")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/backbones")
    }

    /// Whether a command-line program is on PATH.
    public static func which(_ program: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(program)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
