import SupplyChainModel

/// The ids a file has used, compared **byte for byte** (as the supply graph compares them),
/// with a warning for ids that only look alike.
///
/// Swift's `String` equality is canonical equivalence, so `"Café"` written with a precomposed
/// `é` and with `e` + U+0301 would be one dictionary key; flrisk's graph interns ids by their
/// UTF-8 bytes and treats them as two suppliers. This registry follows the graph: the two are
/// distinct ids, and the second gets a `warning: [lookalike-id]` naming the first, as does an
/// id that differs from an earlier one only by invisible characters (zero-width spaces and
/// joiners, word joiners, soft hyphens, byte order marks, bidirectional marks) or by the kind
/// of space (a no-break, thin or ideographic space for a plain one).
struct IDRegistry {
    /// ASCII ids (nearly all of them) → line, hashed by their bytes (see ``ASCIIIDTable``).
    /// For ASCII text, `String` equality is byte equality, and an ASCII id is its own skeleton,
    /// so one table serves both purposes.
    private var asciiLines = ASCIIIDTable()
    /// The same ASCII ids as a `[String: Int]`, built when the first non-ASCII skeleton is
    /// looked up and kept from then on: a non-ASCII skeleton can be canonically equal to an ASCII id (KELVIN
    /// SIGN and `K`), which only `String`'s own hashing finds.
    private var asciiByCanonical: [String: Int]?
    /// Other ids, compared by their bytes → line.
    private var firstLine: [ByteKey: Int] = [:]
    /// Skeleton (invisible characters removed, compared by canonical equivalence) → the first
    /// non-ASCII id with that skeleton. (An ASCII id canonically equal to a skeleton is found
    /// in ``asciiLines`` or ``asciiByCanonical``: distinct ASCII strings are never canonically
    /// equal.)
    private var skeletons: [String: (id: String, line: Int)] = [:]
    /// Lookalike warnings given so far (the first 20 are reported, then a count).
    private(set) var lookalikes = 0

    /// Makes room for `count` ids.
    mutating func reserveCapacity(_ count: Int) { asciiLines.reserveCapacity(count) }

    /// Starts loading the table slot `id` will be looked up in (see ``ASCIIIDTable/prefetch(hash:)``).
    func prefetch(_ id: String) {
        let digest = asciiLines.digest(id)
        if digest.isASCII { asciiLines.prefetch(hash: digest.hash) }
    }

    /// The line where `id` was first registered, or nil when it is new.
    func line(of id: String) -> Int? {
        let digest = asciiLines.digest(id)
        return digest.isASCII ? asciiLines.line(of: id, hash: digest.hash) : firstLine[ByteKey(id)]
    }

    /// What ``firstUse(_:line:)`` found.
    enum FirstUse { case new, repeated(line: Int), undecided }

    /// The common case of ``line(of:)`` then ``register(_:what:at:)`` in one probe: for an
    /// ASCII id while no non-ASCII id was registered (so no lookalike is possible), the line of
    /// its first use, or `new` after registering it at `line`. Otherwise nothing is changed
    /// (`undecided`): the caller checks and registers the id in full.
    mutating func firstUse(_ id: String, line: Int) -> FirstUse {
        guard skeletons.isEmpty && asciiByCanonical == nil else { return .undecided }
        let digest = asciiLines.digest(id)
        guard digest.isASCII else { return .undecided }
        return asciiLines.insert(id, line: line, hash: digest.hash).map { .repeated(line: $0) } ?? .new
    }

    /// Registers `id` at `location`; returns a `lookalike-id` warning when an earlier,
    /// byte-different id looks the same.
    mutating func register(_ id: String, what: String, at location: SourceLocation) -> Finding? {
        let earlier: (id: String, line: Int)?
        let digest = asciiLines.digest(id)
        if digest.isASCII {
            asciiLines.set(id, line: location.line, hash: digest.hash)
            asciiByCanonical?[id] = location.line
            // Only a non-ASCII id can look like an ASCII one without being it.
            earlier = skeletons.isEmpty ? nil : skeletons[id]
        } else {
            firstLine[ByteKey(id)] = location.line
            let skeleton = Self.skeleton(id)
            let nonASCII = skeletons[skeleton]
            let ascii = asciiID(canonicallyEqualTo: skeleton)
            earlier = [nonASCII, ascii].compactMap { $0 }.min { $0.line < $1.line }
            if nonASCII == nil { skeletons[skeleton] = (id, location.line) }
        }
        guard let earlier else { return nil }
        lookalikes += 1
        guard lookalikes <= 20 else { return nil }
        return Finding(
            .warning, code: "lookalike-id",
            "\(what) '\(Self.visible(id))' looks like '\(Self.visible(earlier.id))' at line \(earlier.line) but differs in its bytes (Unicode normalisation or invisible characters); they are read as two different ids",
            at: location)
    }

    /// The ASCII id `String`-equal (canonically equivalent) to `skeleton`, with its line.
    private mutating func asciiID(canonicallyEqualTo skeleton: String) -> (id: String, line: Int)? {
        let digest = asciiLines.digest(skeleton)
        if digest.isASCII {
            return asciiLines.line(of: skeleton, hash: digest.hash).map { (id: skeleton, line: $0) }
        }
        if asciiByCanonical == nil {
            var lines: [String: Int] = [:]
            lines.reserveCapacity(asciiLines.count)
            asciiLines.forEach { lines[$0] = $1 }
            asciiByCanonical = lines
        }
        guard let lines = asciiByCanonical, let index = lines.index(forKey: skeleton) else { return nil }
        return (id: lines[index].key, line: lines[index].value)
    }

    static func isASCII(_ id: String) -> Bool { id.utf8.allSatisfy { $0 < 0x80 } }

    /// The id without invisible format characters and with every space character a plain
    /// space; compared as `String`, it is also normalisation-insensitive.
    static func skeleton(_ id: String) -> String {
        if isASCII(id) { return id }  // no invisible character or other space is ASCII
        var scalars = String.UnicodeScalarView()
        for scalar in id.unicodeScalars where !isInvisible(scalar) {
            scalars.append(isOtherSpace(scalar) ? " " : scalar)
        }
        return String(scalars)
    }

    /// A space character other than U+0020 (no-break, en, em, thin, hair, narrow no-break,
    /// medium mathematical, ideographic, Ogham): it prints as a space.
    static func isOtherSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator
    }

    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180E, 0x200B...0x200F, 0x202A...0x202E,
             0x2060...0x206F, 0x3164, 0xFE00...0xFE0F, 0xFEFF, 0xFFA0, 0xE0000...0xE0FFF:
            return true
        default:
            return false
        }
    }

    /// Whether `scalar` prints as nothing or as a plain space: an invisible character, a space
    /// other than U+0020 or a C0 control.
    static func isUnseen(_ scalar: Unicode.Scalar) -> Bool {
        isInvisible(scalar) || isOtherSpace(scalar) || scalar.value < 0x20
    }

    /// The id with invisible characters, spaces other than U+0020 and combining marks shown as
    /// `\u{…}` escapes.
    static func visible(_ id: String) -> String {
        var out = ""
        for scalar in id.unicodeScalars {
            if isUnseen(scalar) || scalar.properties.generalCategory == .nonspacingMark {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// A string compared and hashed by its UTF-8 bytes (not by canonical equivalence as `String`
/// is), without copying the bytes out.
struct ByteKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: Self, b: Self) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    func hash(into hasher: inout Hasher) {
        var text = self.text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension IDRegistry {
    /// Rejects a row whose id was already used in the file (`duplicate-id`), naming the id's
    /// column (`name`, 1-based `number`) and the line of its first use.
    func rejectRepeat(_ id: String, column name: String, number: Int?) throws(RowRejection) {
        if let line = line(of: id) { throw Self.repeated(id, column: name, number: number, line: line) }
    }

    /// The `duplicate-id` rejection of `id`, first used at `line`.
    /// The finding code of a row whose id repeats an earlier row's.
    static let duplicateCode = "duplicate-id"

    static func repeated(_ id: String, column name: String, number: Int?, line: Int) -> RowRejection {
        RowRejection(duplicateCode, "\(name) '\(id)' is already used at line \(line)", column: number)
    }
}
