extension Unicode.Scalar {
    /// A control or formatting character (bidirectional overrides and isolates, marks, BOM),
    /// which CSV and HTML reports show as U+FFFD so that input text cannot reorder or hide
    /// what a reviewer reads. The zero-width joiner and non-joiner (U+200D, U+200C) are kept:
    /// emoji sequences and Persian and Indic scripts need them, and they move nothing.
    var isHiddenInReports: Bool {
        switch properties.generalCategory {
        case .control: true
        case .format: value != 0x200C && value != 0x200D
        default: false
        }
    }
}
