import FuzzSupport
import Foundation
import Importers

/// libFuzzer entry point: FPDS-NG ATOM feeds (one or several concatenated pages).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFPDS(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let path = ScratchInput.write(data, size, name: "input.xml")
    ScratchInput.expectingInputErrors { _ = try FPDSFeed.contracts(path: path) }
    ScratchInput.expectingInputErrors { _ = try FPDSFeed.contracts(paths: [path, path]) }
    ScratchInput.expectingInputErrors { _ = try Inputs.contracts(paths: [path]) }  // format sniffing
    return 0
}

exit(runLibFuzzer { data, size in fuzzFPDS(data, size) })
