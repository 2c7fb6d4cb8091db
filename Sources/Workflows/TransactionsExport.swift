import BackboneData
import FileSupport
import Foundation
import Mining

/// `backbones transactions`: binarized activations written as FIMI files — the whole data set
/// to one file, or one file per group (`correct-3.dat`, …) into a folder.
public struct TransactionsExport: Sendable {
    public struct Written: Sendable {
        public var name: String
        public var file: String
        public var instances: Int
        public var summary: TransactionSummary
    }

    public struct Result: Sendable {
        public var summary: TransactionSummary
        /// The group kinds written (nil: the whole data set to one file).
        public var kinds: [Group.Kind]?
        public var files: [Written]
        public var emptyGroups: [String]
    }

    /// Writes `loaded`'s transactions to `output`: one file, or with `kinds` (nil inside: every
    /// kind the data allows) one file per non-empty group into the folder `output`. Groups are
    /// checked before anything is written, so a request the data cannot answer fails first.
    public static func write(_ loaded: LoadedActivations, kinds requested: [Group.Kind]??, to output: String) throws -> Result {
        let database = loaded.binarized.database
        let summary = TransactionSummary(database, layout: loaded.layout)
        guard let requested else {
            if isDirectory(output) {
                throw InputError(file: output, "the output is a folder: give a file name, or ask for groups to write one file per group")
            }
            try createDirectory((output as NSString).deletingLastPathComponent)
            try database.writeFIMI(to: output)
            return Result(summary: summary, kinds: nil, files: [Written(name: "all", file: output, instances: database.count, summary: summary)],
                          emptyGroups: [])
        }
        let kinds = requested ?? Grouping.availableKinds(for: loaded.matrix)
        let grouping = try Grouping(matrix: loaded.matrix, kinds: kinds)
        if FileManager.default.fileExists(atPath: output) && !isDirectory(output) {
            throw InputError(file: output, "one file per group needs an output folder, and this is a file")
        }
        try createDirectory(output)
        let files = try grouping.groups.map { group -> Written in
            let file = group.fileStem + ".dat"
            let transactions = database.selecting(group.instances)
            try transactions.writeFIMI(to: (output as NSString).appendingPathComponent(file))
            return Written(name: group.name, file: file, instances: group.count, summary: TransactionSummary(transactions, layout: loaded.layout))
        }
        return Result(summary: summary, kinds: kinds, files: files, emptyGroups: grouping.emptyGroups)
    }

    private static func createDirectory(_ path: String) throws {
        guard !path.isEmpty, !isDirectory(path) else { return }
        try TextFile.createFolder(path)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
