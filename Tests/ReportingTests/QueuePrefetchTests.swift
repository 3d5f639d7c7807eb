import Testing
@testable import Reporting
import RiskModel
import SupplyChainModel

/// The queue prefetch finds arrays and strings by reading stored references as bits. If a
/// layout assumption broke (a new Swift runtime), the prefetches would silently fetch the
/// wrong memory: these tests compare the addresses it computes with the real ones, on the
/// demo and the hostile fixture.
@Suite("Queue prefetch")
struct QueuePrefetchTests {
    static func contexts() throws -> [ReportContext] {
        [try GoldenReportTests.context(GoldenReportTests.demo.0, GoldenReportTests.demo.1, GoldenReportTests.demo.2),
         try GoldenReportTests.context(GoldenReportTests.fixture.0, GoldenReportTests.fixture.1, GoldenReportTests.fixture.2)]
    }

    @Test func computedAddressesAreTheArraysAndStrings() throws {
        var arrays = 0, strings = 0
        for context in try Self.contexts() {
            context.assessment.contracts.withUnsafeBufferPointer { contracts in
                for k in contracts.indices where !contracts[k].flags.isEmpty {
                    let record = UnsafeRawPointer(contracts.baseAddress! + k)
                    let flags = QueuePrefetch.elements(ofArrayStoredAt: record + QueuePrefetch.flagsOffset)
                    #expect(flags.count == contracts[k].flags.count)
                    contracts[k].flags.withUnsafeBufferPointer { #expect(UnsafeRawPointer($0.baseAddress!) == flags.start) }
                    for f in 0..<flags.count {
                        let flag = flags.start + f * MemoryLayout<ReviewFlag>.stride
                        let path = QueuePrefetch.elements(ofArrayStoredAt: flag + QueuePrefetch.pathOffset)
                        #expect(path.count == contracts[k].flags[f].path.count)
                        if path.count > 0 {
                            contracts[k].flags[f].path.withUnsafeBufferPointer { #expect(UnsafeRawPointer($0.baseAddress!) == path.start) }
                        }
                        arrays += 1
                        // Native strings longer than 15 bytes have heap storage the prefetch finds.
                        let message = contracts[k].flags[f].message
                        if message.utf8.count > 15 {
                            let bytes = QueuePrefetch.stringBytes(storedAt: flag + QueuePrefetch.messageOffset)
                            message.utf8.withContiguousStorageIfAvailable { #expect(UnsafeRawPointer($0.baseAddress!) == bytes) }
                            strings += 1
                        }
                    }
                }
            }
        }
        #expect(arrays > 10 && strings > 10)
    }

    /// Vendor names are read from the run's one array of supplier records, which every
    /// assessment's `supplier` is a view of.
    @Test func vendorNameAddressesAreTheNames() throws {
        var names = 0
        for context in try Self.contexts() {
            let a = context.assessment
            #expect(a.supplierRecords.count == a.suppliers.count)
            a.supplierRecords.withUnsafeBufferPointer { records in
                for node in records.indices {
                    #expect(records[node] == a.suppliers[node].supplier)
                    let name = records[node].name
                    guard name.utf8.count > 15 else { continue }
                    let bytes = QueuePrefetch.stringBytes(storedAt: UnsafeRawPointer(records.baseAddress! + node) + QueuePrefetch.nameOffset)
                    name.utf8.withContiguousStorageIfAvailable { #expect(UnsafeRawPointer($0.baseAddress!) == bytes) }
                    names += 1
                }
            }
        }
        #expect(names > 10)
    }

    @Test func idBytesAreTheSuppliersIDs() throws {
        for context in try Self.contexts() {
            let suppliers = context.assessment.suppliers
            SupplierIDBytes(suppliers).withView { ids in
                for node in suppliers.indices {
                    #expect(String(decoding: ids[node], as: UTF8.self) == suppliers[node].supplier.id)
                }
                #expect(ids.ends.count == suppliers.count)
            }
        }
    }

    /// Every rank, the last ones included (whose look-ahead runs past the queue), with empty
    /// flags, vendorless contracts and an empty queue.
    @Test func walkingEveryRankIsSafe() throws {
        for context in try Self.contexts() {
            let a = context.assessment
            SupplierIDBytes(a.suppliers).withView { ids in
                a.supplierRecords.withUnsafeBufferPointer { suppliers in
                    a.contractRecords.withUnsafeBufferPointer { records in
                        a.contracts.withUnsafeBufferPointer { contracts in
                            let prefetch = QueuePrefetch(contracts: contracts, suppliers: suppliers, records: records, ids: ids)
                            for rank in contracts.indices { prefetch.ahead(of: rank) }
                            let none = QueuePrefetch(contracts: UnsafeBufferPointer(rebasing: contracts[0..<0]), suppliers: suppliers, records: records, ids: ids)
                            none.ahead(of: 0)
                        }
                    }
                }
            }
            #expect(a.contracts.contains { $0.vendor == nil } || a.contracts.contains { $0.flags.isEmpty })
        }
    }
}
