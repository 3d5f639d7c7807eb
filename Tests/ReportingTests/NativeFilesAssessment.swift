import FlriskTestSupport
import Importers
import RiskModel

/// The assessment, with the default parameters, of native suppliers, links and contracts files
/// holding these texts (written to a scratch directory, read by the native importers): for
/// tests of a whole report made from hostile input text.
func assessNativeFiles(suppliers: String, links: String, contracts: String) throws -> Assessment {
    let folder = ScratchDirectory()
    return Assessor(parameters: ScoringParameters()).assess(
        suppliers: try NativeCSVImporter.suppliers(path: folder.file("suppliers.csv", suppliers)),
        links: try NativeCSVImporter.links(path: folder.file("links.csv", links)),
        contracts: try NativeCSVImporter.contracts(path: folder.file("contracts.csv", contracts)))
}
