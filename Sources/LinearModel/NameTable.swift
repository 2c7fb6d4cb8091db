/// Names that LP and MPS readers accept: letters, digits and the punctuation of CPLEX's LP
/// names (`_ . ! # $ % & ( ) / , ; ? @ ' { } | ~` and the backquote; not `[ ]`, which glpsol refuses and
/// CPLEX reads as quadratic terms), no spaces, not starting with a digit, unique. Writers map
/// every model name through this.
/// A name in `reserved` (compared in lower case: the LP keywords, `LPReader.reservedWords`)
/// gets a `_` appended, so `MIN` is written `MIN_`.
struct NameTable {
    private(set) var names: [String] = []
    private var used = Set<String>()

    init(_ raw: [String], fallbackPrefix: String, reserved: Set<String> = []) {
        for (i, name) in raw.enumerated() {
            var clean = String(name.unicodeScalars.map { s -> Character in
                let ok = (s.value < 128) && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "_.{}!#$%&()/,;?@'`|~".unicodeScalars.contains(s))
                return ok ? Character(s) : "_"
            })
            if clean.isEmpty { clean = "\(fallbackPrefix)\(i + 1)" }
            if let f = clean.first, f.isNumber || f == "." { clean = fallbackPrefix + "_" + clean }
            if clean.count > 200 { clean = String(clean.prefix(200)) }
            if reserved.contains(clean.lowercased()) { clean += "_" }
            var candidate = clean
            var suffix = 1
            while used.contains(candidate.lowercased()) {
                suffix += 1
                candidate = "\(clean)_\(suffix)"
            }
            used.insert(candidate.lowercased())
            names.append(candidate)
        }
    }
}

/// Shortest exact decimal for a finite double (round-trips).
@inline(__always)
func number(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
}
