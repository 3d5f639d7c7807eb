import FuzzSupport
import Foundation
import RiskModel

/// libFuzzer entry point: the YAML model configuration. Any input is either a configuration
/// or a ``ConfigurationError``; the reader throws nothing else (its errors are typed).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? ModelConfiguration.parse(text, file: "fuzz.yaml", folder: "/nonexistent")
    return 0
}

exit(runLibFuzzer { data, size in fuzzConfig(data, size) })
