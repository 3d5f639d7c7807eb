import Testing
@testable import Importers

/// The row estimate the readers size their merged columns with: rows per byte of the first
/// chunk times the file, 5% spare, within the record cap and one row per two bytes.
@Suite struct ExpectedRowsTests {
    @Test func estimateFromTheFirstChunk() {
        let limits = ImportLimits()
        #expect(limits.expectedRows(sampleRows: 100, sampleBytes: 1_000, fileBytes: 10_000) == 1_050)
        // The record arrays ask for 25% spare (untouched pages cost no memory).
        #expect(limits.expectedRows(sampleRows: 100, sampleBytes: 1_000, fileBytes: 10_000, spare: 0.25) == 1_250)
        #expect(limits.expectedRows(sampleRows: 0, sampleBytes: 0, fileBytes: 10_000) == 0)
        // A first chunk of tiny rows cannot promise more than one row per two bytes.
        #expect(limits.expectedRows(sampleRows: 1_000, sampleBytes: 1, fileBytes: 10_000) == 5_001)
        #expect(ImportLimits(maxRecords: 700).expectedRows(sampleRows: 100, sampleBytes: 1_000, fileBytes: 10_000) == 700)
    }
}
