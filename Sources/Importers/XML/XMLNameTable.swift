/// An element's name as ids of an ``XMLNameTable``: its namespace URI and its local name
/// (never its prefix). Handlers compare these integers instead of strings.
struct XMLName: Equatable, Sendable {
    var namespace: Int32
    var local: Int32
}

/// Interns the namespace URIs and local names an ``XMLStream`` meets as small integer ids.
///
/// The names given to ``init(locals:namespaces:)`` get the ids 0, 1, 2, … in that order (so a
/// handler can name them with constants); any other name gets the next free id when first met.
/// Ids stay the same across the documents and files read with one table.
final class XMLNameTable {
    private var locals = Interned()
    private var namespaces = Interned()

    /// A table holding `locals` and `namespaces` at the ids of their positions (duplicates keep
    /// the first id).
    init(locals: [String] = [], namespaces: [String] = []) {
        for name in locals { _ = local(name) }
        for uri in namespaces { _ = namespace(uri) }
    }

    /// The id of a local name, interning it when new.
    func local(_ name: String) -> Int32 { locals.id(of: name) }

    /// The id of a namespace URI (`""`: no namespace), interning it when new.
    func namespace(_ uri: String) -> Int32 { namespaces.id(of: uri) }

    /// The local name of `id`.
    func local(of id: Int32) -> String { locals.names[Int(id)] }

    /// The namespace URI of `id`.
    func namespace(of id: Int32) -> String { namespaces.names[Int(id)] }

    /// Strings numbered 0, 1, 2, … in the order first met.
    private struct Interned {
        private var ids: [String: Int32] = [:]
        private(set) var names: [String] = []

        mutating func id(of name: String) -> Int32 {
            if let id = ids[name] { return id }
            let id = Int32(names.count)
            ids[name] = id
            names.append(name)
            return id
        }
    }
}
