import FlriskTestSupport
import Testing
@testable import Importers
import SupplyChainModel

/// `IDRegistry` keeps ASCII ids in one table and the rest by bytes and skeleton; it must answer
/// exactly as the plain definition (every id by bytes, every skeleton by canonical equivalence).
@Suite("Id registry")
struct IDRegistryTests {
    /// The definition: two tables for every id.
    struct Reference {
        var firstLine: [ByteKey: Int] = [:]
        var skeletons: [String: (id: String, line: Int)] = [:]

        func line(of id: String) -> Int? { firstLine[ByteKey(id)] }

        mutating func register(_ id: String, line: Int) -> (id: String, line: Int)? {
            firstLine[ByteKey(id)] = line
            let skeleton = IDRegistry.skeleton(id)
            guard let earlier = skeletons[skeleton] else {
                skeletons[skeleton] = (id, line)
                return nil
            }
            return earlier
        }
    }

    /// Looks `id` up in `registry` and `reference` and, when it is new (importers reject a
    /// repeated id before registering), registers it in both: the answers and the lookalike
    /// warning must agree.
    static func check(_ id: String, line: Int, registry: inout IDRegistry, reference: inout Reference) {
        let known = registry.line(of: id)
        #expect(known == reference.line(of: id), "line(of: \(id.unicodeScalars.map(\.value)))")
        if known != nil { return }
        let warning = registry.register(id, what: "supplier_id", at: SourceLocation(file: "f.csv", line: line))
        let expected = reference.register(id, line: line)
        if let expected, registry.lookalikes <= 20 {
            #expect(warning?.message.contains("looks like '\(IDRegistry.visible(expected.id))' at line \(expected.line) ") == true,
                    "\(id.unicodeScalars.map(\.value)): \(warning?.message ?? "no warning")")
        } else if expected == nil {
            #expect(warning == nil, "\(id.unicodeScalars.map(\.value)): \(warning?.message ?? "")")
        }
    }

    /// Pieces whose combinations are equal, canonically equal (é / e + U+0301, K / KELVIN SIGN,
    /// ; / GREEK QUESTION MARK) or equal up to invisible characters.
    static let pieces = ["S", "K", "\u{212A}", "é", "e\u{301}", ";", "\u{37E}", "\u{200B}", "\u{FEFF}", "1", "a"]

    @Test func answersAsTheDefinitionOnRandomIds() {
        var random = SeededGenerator(seed: 42)
        func next(_ bound: Int) -> Int { random.next(below: bound) }
        for _ in 0..<300 {
            var registry = IDRegistry()
            var reference = Reference()
            for line in 1...40 {
                let id = (0..<(1 + next(3))).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
                Self.check(id, line: line, registry: &registry, reference: &reference)
            }
        }
    }
}
