import FlriskTestSupport
import Foundation
import Importers
import SupplyChainModel
import SyntheticSupplyChain

/// Generated files in a scratch directory, read back through the native importers.
final class GeneratedFiles {
    let scratch = ScratchDirectory()
    let options: GeneratorOptions
    let summary: GenerationSummary

    init(_ options: GeneratorOptions, directory: String = "out") throws {
        self.options = options
        summary = try SupplyChainGenerator.generate(options, into: scratch.url.appendingPathComponent(directory).path)
    }

    var suppliersPath: String { summary.files[0] }
    var linksPath: String { summary.files[1] }
    var contractsPath: String { summary.files[2] }

    func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }
    var allBytes: [Data] { summary.files.map(bytes) }

    /// The three files read with the importer of their format.
    func read() throws -> (suppliers: ImportResult<Supplier>, links: ImportResult<SupplyLink>, contracts: ImportResult<Contract>) {
        switch options.format {
        case .csv:
            return (
                try NativeCSVImporter.suppliers(path: suppliersPath), try NativeCSVImporter.links(path: linksPath),
                try NativeCSVImporter.contracts(path: contractsPath)
            )
        case .xml:
            return (
                try NativeXML.read(path: suppliersPath).suppliers, try NativeXML.read(path: linksPath).links,
                try NativeXML.read(path: contractsPath).contracts
            )
        }
    }
}

extension Supplier {
    /// The record without where it was read.
    var fields: [String?] { [id, name, country, region, goods.joined(separator: ";"), address, uei, lei, duns, riskOverride.map { "\($0)" }, riskNote] }
}

extension SupplyLink {
    var fields: [String?] { [buyerID, supplierID, share.map { "\($0)" }, good] }
}

extension Contract {
    var fields: [String?] {
        [
            id, vendorID, vendorUEI, vendorName, vendorParentUEI, vendorCountry, agency, fundingAgency, amount.map { "\($0)" },
            potentialValue.map { "\($0)" }, currency, placeOfPerformance, countryOfOrigin, placeOfManufacture, psc,
            productOrServiceType, naics, description, awardDate,
        ]
    }
}
