import Testing
@testable import Importers
import FlriskTestSupport

/// Repeated cell values are made once per chunk: equal bytes give the same `String` (or list)
/// storage, different bytes never do, and a full table still gives correct values.
@Suite struct RepeatedTextTests {
    private func text(_ table: RepeatedText, _ value: String) -> String {
        Array(value.utf8).withUnsafeBufferPointer { table.text($0) }
    }

    private func address(_ value: String) -> UnsafePointer<UInt8>? {
        var value = value
        return value.withUTF8 { $0.baseAddress }
    }

    @Test func equalLongValuesShareOneString() {
        let table = RepeatedText()
        let first = text(table, "Department of the Interior")
        let second = text(table, "Department of the Interior")
        let other = text(table, "Department of the InterioR")
        #expect(first == "Department of the Interior" && second == first && other == "Department of the InterioR")
        #expect(address(first) == address(second))
        #expect(address(first) != address(other))
    }

    @Test func shortValuesAndEmptyValuesAreMadeAsBefore() {
        let table = RepeatedText()
        #expect(text(table, "") == "")
        #expect(text(table, "USD") == "USD")
        #expect(text(table, "fifteen bytes!!") == "fifteen bytes!!")
    }

    @Test func aFullTableStillGivesEveryValue() {
        let table = RepeatedText(slots: 8)
        let values = (0..<40).map { "a value long enough to allocate \($0)" }
        for _ in 0..<3 {
            for value in values { #expect(text(table, value) == value) }
        }
        // The first four were kept (half of 8 slots) and are shared; later ones are not kept.
        let kept = (text(table, values[0]), text(table, values[0]))
        let notKept = (text(table, values[30]), text(table, values[30]))
        #expect(address(kept.0) == address(kept.1))
        #expect(address(notKept.0) != address(notKept.1))
    }

    @Test func listsAreSplitOnceAndShared() {
        let table = RepeatedText()
        var splits = 0
        let split = { (text: String) -> [String] in
            splits += 1
            return SupplierRows.goodsList(text)
        }
        let a = Array("cotton; thread/yarn".utf8).withUnsafeBufferPointer { table.list($0, split: split) }
        let b = Array("cotton; thread/yarn".utf8).withUnsafeBufferPointer { table.list($0, split: split) }
        let c = Array("Garments".utf8).withUnsafeBufferPointer { table.list($0, split: split) }
        #expect(a == ["cotton", "thread/yarn"] && b == a && c == ["Garments"])
        #expect(splits == 2)
        #expect(a.withUnsafeBufferPointer { $0.baseAddress } == b.withUnsafeBufferPointer { $0.baseAddress })
    }

    /// A table that kept a value as text still makes the right list for equal bytes.
    @Test func aTextKeptFirstStillGetsItsList() {
        let table = RepeatedText()
        _ = text(table, "cotton;thread/yarn;garments")
        let list = Array("cotton;thread/yarn;garments".utf8).withUnsafeBufferPointer { table.list($0, split: SupplierRows.goodsList) }
        #expect(list == ["cotton", "thread/yarn", "garments"])
    }

    /// Suppliers read through the chunked reader share their goods lists and regions across
    /// rows, and keep the values a row-by-row read gives.
    @Test func suppliersShareRepeatedCells() throws {
        let directory = TemporaryDirectory()
        let path = directory.file(
            "suppliers.csv",
            "supplier_id,name,country,region,goods\n"
                + (1...50).map { "S\($0),Supplier number \($0),CN,Xinjiang Uyghur Autonomous Region,cotton;polysilicon\n" }.joined())
        var options = ImportOptions(parallelThreshold: 0)
        options.workers = 2
        options.parallelChunkBytes = 1 << 10
        let result = try NativeCSVImporter.suppliers(path: path, options: options)
        #expect(result.records.count == 50)
        #expect(result.records.allSatisfy { $0.goods == ["cotton", "polysilicon"] && $0.region == "Xinjiang Uyghur Autonomous Region" })
        let first = result.records[0], second = result.records[1]
        #expect(first.goods.withUnsafeBufferPointer { $0.baseAddress } == second.goods.withUnsafeBufferPointer { $0.baseAddress })
        #expect(address(first.region!) == address(second.region!))
    }
}
