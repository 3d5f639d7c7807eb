import Testing
@testable import Importers

/// The `unknown-supplier` reason: two unknown ends read "neither … nor … names a supplier"
/// (was "buyer_id 'A1' and supplier_id 'B1' names no supplier"), and without a suppliers file
/// it says where the suppliers come from (see also QA14UnknownSupplierMessageTests).
@Suite("QA14: the unknown-supplier reason")
struct QA14UnknownSupplierReasonTests {
    @Test func theReasonReadsWellForOneOrTwoIds() {
        #expect(UnknownSupplier.reason(buyerID: nil, supplierID: "S9") == "supplier_id 'S9' names no supplier in the suppliers file")
        #expect(UnknownSupplier.reason(buyerID: "A1", supplierID: "B1") == "neither buyer_id 'A1' nor supplier_id 'B1' names a supplier in the suppliers file")
        #expect(UnknownSupplier.reason(buyerID: "A1", supplierID: nil, suppliersFile: false)
            == "buyer_id 'A1' names no supplier: no suppliers file was given (--suppliers), so the suppliers are the contracts' vendors and the subaward parties")
    }
}
