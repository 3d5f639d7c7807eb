/// A report produced as a sequence of UTF-8 pieces (each a run of rows rendered on a
/// worker): joined into one string for ``render``-style callers, or written piece by piece
/// into a file, so that a large report is never held whole.
enum ReportPieces {
    /// Calls its argument with each piece of the report, in order.
    typealias Producer = (_ emit: ([UInt8]) -> Void) -> Void

    /// All the pieces as one string, copied once into the string's storage.
    static func string(_ produce: Producer) -> String {
        var pieces: [[UInt8]] = []
        produce { pieces.append($0) }
        return String(unsafeUninitializedCapacity: pieces.reduce(0) { $0 + $1.count }) { buffer in
            var offset = 0
            for piece in pieces {
                _ = UnsafeMutableBufferPointer(rebasing: buffer[offset..<(offset + piece.count)]).initialize(from: piece)
                offset += piece.count
            }
            return offset
        }
    }

    /// Each piece written to `file` in order; after a failed write the remaining pieces are
    /// skipped and the failure is thrown.
    static func write(_ produce: Producer, to file: inout AtomicFile.Writer) throws(OutputError) {
        var failure: OutputError?
        produce { piece in
            guard failure == nil, !piece.isEmpty else { return }
            do throws(OutputError) { try file.write(piece) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
