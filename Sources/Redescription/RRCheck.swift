/// A `.rr` file's printed numbers against the queries evaluated on the views: what agrees,
/// what does not, and which p-values were never computed.
public struct RRCheck: Sendable {
    public enum PValueAgreement: String, Sendable {
        /// Within `pValueTolerance` of ExItNeRdoM's `P(X > |∩|)` recomputed.
        case agrees
        /// Printed `0.0` where the recomputed value is above the tolerance: their "individual"
        /// files never compute the p-value.
        case notComputed = "not_computed"
        /// Printed and recomputed differ.
        case disagrees
    }

    public struct Record: Sendable {
        public var index: Int
        public var line: Int
        public var measures: RedescriptionMeasures
        /// Printed `|∩|`, `|∪|` and the printed id lists equal the evaluated ones.
        public var intersectionAgrees: Bool, unionAgrees: Bool, idsAgree: Bool
        /// `|printed JS − |∩|/|∪|| ≤ 1e-12`.
        public var jaccardAgrees: Bool
        public var pValue: PValueAgreement
        public var printedPValue: Double

        public var agrees: Bool { intersectionAgrees && unionAgrees && idsAgree && jaccardAgrees && pValue != .disagrees }
    }

    public static let pValueTolerance = 1e-6
    public var records: [Record]

    /// Whether the file's p-values were never computed: all printed `0.0`, and at least one
    /// could not be 0 (ExItNeRdoM's individual files).
    public var pValuesNotComputed: Bool {
        records.allSatisfy { $0.printedPValue == 0 } && records.contains { $0.pValue == .notComputed }
    }

    /// Evaluates every record's `W1R` on `left` and `W2R` on `right` (the same rows).
    public init(file: RRFile, left: View, right: View) throws {
        records = try file.records.enumerated().map { index, r in
            let l = try r.left.rows(in: left), q = try r.right.rows(in: right)
            let m = RedescriptionMeasures(left: l, right: q)
            let p = m.pValueExitnerdom.value
            let agreement: PValueAgreement = abs(r.pValue - p) <= Self.pValueTolerance ? .agrees
                : r.pValue == 0 ? .notComputed : .disagrees
            let ids = Set(left.ids(of: l.intersection(q))) == Set(r.intersectionIDs)
                && Set(left.ids(of: l.union(q))) == Set(r.unionIDs)
            return Record(index: index, line: r.line, measures: m, intersectionAgrees: m.intersection == r.intersection,
                          unionAgrees: m.union == r.union, idsAgree: ids,
                          jaccardAgrees: abs(m.jaccard - r.jaccard) <= 1e-12, pValue: agreement, printedPValue: r.pValue)
        }
    }
}
