import FileSupport
import Redescription
import Testing

/// The query syntax, its precedence (NOT > AND > OR) and evaluation, on hand-made views.
@Suite struct QueryTests {
    /// Six rows, two attributes: a = 0…5, b = 5…0.
    let view = View(ids: ["r0", "r1", "r2", "r3", "r4", "r5"], attributes: ["a", "b"],
                    columns: [[0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0]])

    func rows(_ text: String) throws -> [Int] { try QueryParser.parse(text).rows(in: view).rows }

    @Test func literalsAreClosedIntervals() throws {
        #expect(try rows("a >= 1.0 <= 3.0") == [1, 2, 3])
        #expect(try rows("a >= 2 <= 2") == [2])
        #expect(try rows("b >= -1e300 <= 0.5") == [5])
    }

    @Test func notBindsTighterThanAndThanOr() throws {
        // NOT ( a ) OR ( b ): (¬a) ∨ b, as their files mean it.
        #expect(try rows("NOT ( a >= 0 <= 3 ) OR ( b >= 5 <= 5 )") == [0, 4, 5])
        // a OR b AND c = a ∨ (b ∧ c)
        #expect(try rows("a >= 0 <= 0 OR a >= 2 <= 5 AND b >= 2 <= 5") == [0, 2, 3])
        // NOT a AND b = (¬a) ∧ b
        #expect(try rows("NOT a >= 0 <= 1 AND b >= 2 <= 5") == [2, 3])
        #expect(try rows("NOT ( a >= 0 <= 1 AND b >= 2 <= 5 )") == [2, 3, 4, 5])
        #expect(try rows("( a >= 0 <= 0 OR a >= 2 <= 5 ) AND b >= 2 <= 5") == [0, 2, 3])
        // Their quirk: a literal with the same bound twice, and nested NOT/OR.
        let q = try QueryParser.parse("a >= 1 <= 4 AND b >= 0.0 <= 0.0 OR ( NOT ( b >= 2 <= 5  )  )")
        #expect(try q.rows(in: view).rows == [4, 5])
        #expect(q == .or([.and([lit("a", 1, 4), lit("b", 0, 0)]), .not(lit("b", 2, 5))]))
    }

    @Test func textReadsBackToTheSameQuery() throws {
        for text in ["a >= 0.1 <= 3", "NOT ( a >= 0 <= 3 ) OR ( b >= 5 <= 5 )", "( a >= 0 <= 1 OR b >= 0 <= 1 ) AND NOT ( a >= 2 <= 2 )",
                     "a >= 0 <= 1 OR ( b >= 0 <= 1 OR a >= 3 <= 4 )", "NOT ( NOT ( a >= 1 <= 2 ) )"] {
            let q = try QueryParser.parse(text)
            #expect(try QueryParser.parse(q.text) == q, "\(text) → \(q.text)")
        }
        #expect(lit("a", 0, 2.7178306579589844).text == "a >= 0.0 <= 2.7178306579589844")
        #expect(Query.and([lit("a", 0, 1), .or([lit("b", 0, 1), lit("a", 3, 4)])]).text
                == "a >= 0.0 <= 1.0 AND ( b >= 0.0 <= 1.0 OR a >= 3.0 <= 4.0 )")
    }

    @Test func malformedQueriesNameTheColumn() {
        func message(_ text: String) -> String {
            do { _ = try QueryParser.parse(text, file: "x.rr", line: 7); return "parsed" } catch { return "\(error)" }
        }
        #expect(message("a >= 1") == "x.rr:7:7: the query ends where '<=' was expected")
        #expect(message("a >= one <= 2") == "x.rr:7:6: 'one' is not a number")
        #expect(message("a >= 3 <= 2") == "x.rr:7:11: the interval [3.0, 2.0] is empty: the lower bound is above the upper bound")
        #expect(message("( a >= 1 <= 2") == "x.rr:7:14: the query ends where ')' was expected")
        #expect(message("a >= 1 <= 2 b") == "x.rr:7:13: unexpected 'b' after a complete query")
        #expect(message("AND a >= 1 <= 2") == "x.rr:7:1: expected a literal, NOT or '(' but found 'AND'")
        #expect(message("") == "x.rr:7:1: the query ends where a literal, NOT or '(' was expected")
        #expect(throws: InputError.self) { try QueryParser.parse("c >= 0 <= 1").rows(in: view) }
    }

    func lit(_ a: String, _ lo: Double, _ hi: Double) -> Query { .literal(IntervalLiteral(attribute: a, lower: lo, upper: hi)) }
}
