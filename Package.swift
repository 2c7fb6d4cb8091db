// swift-tools-version: 6.0
import PackageDescription

// Module map (one concept per module; backends depend on the model, never the reverse):
//   CGLPK, CCbc, CZlib      system libraries from Debian packages (internal shims); GLPK and
//                           CBC are not linked but opened with dlopen on the first solve
//   FileSupport             input errors with file/line/column, atomic writes
//   LinearModel             solver-independent ILP, LP/MPS/OR-Library I/O, solver protocol
//   GLPKBackend, CBCBackend the two exact backends
//   SolverConformance       named cases every backend must pass (tests and `selftest`)
//   Mining                  transaction databases and itemset miners
//   BackboneData            activation readers, networks, groups, binarization
//   BackboneCore            cover/reference ILPs, heuristics, Pareto fronts
//   UnitAnalysis            class-specific/shared units: relevance, rules, ablation
//   Redescription           views, interval queries, .rr files, measures, exact best queries
//   Workflows               whole jobs (fold experiment, ILP jobs, heuristic, exports)
//   Report                  every serialization: JSON, CSV, terminal tables, SVG
//   BackbonesCLI            the `backbones` command-line tool (thin commands)
// docs/architecture.md draws it and follows one run from file to report.
let package = Package(
    name: "Backbones",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "backbones", targets: ["BackbonesCLI"]),
        .library(name: "BackboneCore", targets: ["BackboneCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        .systemLibrary(name: "CCbc", providers: [.apt(["coinor-libcbc-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),

        .target(name: "FileSupport"),
        .target(name: "LinearModel", dependencies: ["FileSupport"]),
        .target(name: "GLPKBackend", dependencies: ["LinearModel", "CGLPK"]),
        .target(name: "CBCBackend", dependencies: ["LinearModel", "CCbc"]),
        .target(name: "SolverConformance", dependencies: ["LinearModel"]),

        .target(name: "Mining", dependencies: ["FileSupport"]),
        .target(name: "BackboneData", dependencies: ["Mining", "FileSupport", "CZlib"]),
        .target(name: "BackboneCore", dependencies: ["FileSupport", "LinearModel", "Mining", "BackboneData"]),
        .target(name: "UnitAnalysis", dependencies: ["FileSupport", "Mining", "BackboneData"]),
        .target(name: "Redescription", dependencies: ["FileSupport", "LinearModel", "BackboneData"]),
        .target(name: "Workflows", dependencies: ["FileSupport", "LinearModel", "Mining", "BackboneData", "BackboneCore", "UnitAnalysis", "Redescription"]),
        .target(name: "Report", dependencies: ["FileSupport", "BackboneCore", "Workflows", "UnitAnalysis", "Redescription"]),

        .executableTarget(
            name: "BackbonesCLI",
            dependencies: [
                "FileSupport", "LinearModel", "GLPKBackend", "CBCBackend", "SolverConformance",
                "Mining", "BackboneData", "BackboneCore", "UnitAnalysis", "Redescription", "Workflows", "Report",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .target(name: "TestSupport", dependencies: ["Mining", "LinearModel"]),

        .testTarget(name: "LinearModelTests", dependencies: ["LinearModel", "TestSupport"]),
        .testTarget(name: "SolverTests",
                    dependencies: ["LinearModel", "GLPKBackend", "CBCBackend", "SolverConformance", "TestSupport"]),
        .testTarget(name: "MiningTests", dependencies: ["Mining", "TestSupport"]),
        .testTarget(name: "BackboneDataTests", dependencies: ["BackboneData", "Mining", "TestSupport"]),
        .testTarget(name: "BackboneCoreTests",
                    dependencies: ["BackboneCore", "GLPKBackend", "CBCBackend", "Mining", "BackboneData", "LinearModel", "TestSupport"]),
        .testTarget(name: "UnitAnalysisTests", dependencies: ["UnitAnalysis", "BackboneData", "Mining", "FileSupport", "TestSupport"]),
        .testTarget(name: "RedescriptionTests",
                    dependencies: ["Redescription", "CBCBackend", "GLPKBackend", "LinearModel", "FileSupport", "BackboneData", "TestSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Workflows", "BackboneCore", "BackboneData", "LinearModel", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "BackbonesCLI", "BackboneData"]),
    ]
)
