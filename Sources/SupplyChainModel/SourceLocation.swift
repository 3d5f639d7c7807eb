/// A place in an input file: the file path, the 1-based physical line where a record starts,
/// and optionally a 1-based column.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The input file as the user named it.
    public var file: String
    /// 1-based physical line; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column (in bytes), when it helps.
    public var column: Int?

    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line[:column]`, or just `file` when no line applies.
    public var description: String {
        guard line > 0 else { return file }
        if let column { return "\(file):\(line):\(column)" }
        return "\(file):\(line)"
    }
}
