internal import CLibXML2

/// Name ids by the address of libxml2's copy of the name: an open-addressing hash table that
/// lives as long as one parser (its dictionary keeps each distinct name at one address).
final class AddressIDs {
    private var keys: UnsafeMutablePointer<UInt>
    private var ids: UnsafeMutablePointer<Int32>
    private var mask: Int
    private var count = 0

    init(capacity: Int) {
        mask = capacity - 1
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: 0, count: capacity)
        ids = .allocate(capacity: capacity)
    }

    deinit {
        keys.deallocate()
        ids.deallocate()
    }

    @inline(__always) private func slot(_ key: UInt) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The id stored for `address`, or -1.
    subscript(address: UnsafePointer<xmlChar>) -> Int32 {
        get {
            let key = UInt(bitPattern: address)
            var i = slot(key)
            while true {
                let k = keys[i]
                if k == key { return ids[i] }
                if k == 0 { return -1 }
                i = (i + 1) & mask
            }
        }
        set {
            if 2 * (count + 1) > mask + 1 { grow() }
            insert(UInt(bitPattern: address), newValue)
        }
    }

    private func insert(_ key: UInt, _ id: Int32) {
        var i = slot(key)
        while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        if keys[i] == 0 { count += 1 }
        keys[i] = key
        ids[i] = id
    }

    private func grow() {
        let (oldKeys, oldIDs, oldCapacity) = (keys, ids, mask + 1)
        mask = 2 * oldCapacity - 1
        keys = .allocate(capacity: 2 * oldCapacity)
        keys.initialize(repeating: 0, count: 2 * oldCapacity)
        ids = .allocate(capacity: 2 * oldCapacity)
        count = 0
        for i in 0..<oldCapacity where oldKeys[i] != 0 { insert(oldKeys[i], oldIDs[i]) }
        oldKeys.deallocate()
        oldIDs.deallocate()
    }

    /// Forgets all addresses (a new parser, a new dictionary).
    func removeAll() {
        keys.update(repeating: 0, count: mask + 1)
        count = 0
    }
}
