import FuzzSupport
import Foundation
import Importers

/// libFuzzer entry point: every watchlist format.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWatchlist(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let path = ScratchInput.write(data, size, name: "watchlist")
    ScratchInput.expectingInputErrors { _ = try WatchlistCSV.native(path: path) }
    ScratchInput.expectingInputErrors { _ = try WatchlistCSV.openSanctions(path: path) }
    ScratchInput.expectingInputErrors { _ = try FollowTheMoney.entries(path: path) }
    ScratchInput.expectingInputErrors { _ = try Inputs.watchlist(path: path) }  // format sniffing
    return 0
}

exit(runLibFuzzer { data, size in fuzzWatchlist(data, size) })
