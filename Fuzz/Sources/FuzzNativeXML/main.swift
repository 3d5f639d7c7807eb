import FuzzSupport
import Foundation
import Importers

/// libFuzzer entry point: native XML documents, with the default and with tight limits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNativeXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let path = ScratchInput.write(data, size, name: "input.xml")
    ScratchInput.expectingInputErrors { _ = try NativeXML.read(path: path) }
    ScratchInput.expectingInputErrors {
        _ = try NativeXML.read(path: path, limits: ImportLimits(maxFieldBytes: 256, maxColumns: 16, maxRecords: 100, maxXMLDepth: 8))
    }
    ScratchInput.expectingInputErrors { _ = try Inputs.suppliers(path: path) }  // format sniffing
    return 0
}

exit(runLibFuzzer { data, size in fuzzNativeXML(data, size) })
