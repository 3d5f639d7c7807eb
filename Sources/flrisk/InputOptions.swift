import ArgumentParser
import Importers
import SupplyChainModel

/// The input files of a scoring run and how strictly to read them.
struct InputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Suppliers CSV (supplier_id, name, country, …).", valueName: "path"))
    var suppliers: String

    @Option(help: ArgumentHelp("Supply links CSV (buyer_id, supplier_id, share, good).", valueName: "path"))
    var links: String

    @Option(help: ArgumentHelp("Contracts CSV (contract_id, vendor_id | vendor_uei | vendor_name, amount, …).", valueName: "path"))
    var contracts: String

    @Flag(help: "Treat rejected input rows as fatal (exit 2).")
    var strict = false

    /// The records of the three files.
    struct Loaded {
        var suppliers: ImportResult<Supplier>
        var links: ImportResult<SupplyLink>
        var contracts: ImportResult<Contract>
    }

    /// Reads the three files.
    /// - Throws: ``InputError`` for a fatal problem in any of them.
    func load() throws -> Loaded {
        Loaded(
            suppliers: try NativeCSVImporter.suppliers(path: suppliers),
            links: try NativeCSVImporter.links(path: links),
            contracts: try NativeCSVImporter.contracts(path: contracts))
    }
}
