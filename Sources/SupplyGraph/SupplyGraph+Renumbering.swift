extension SupplyGraph {
    /// A numbering of the nodes in breadth-first order from the nodes nothing links to (the
    /// buyers at the top of the chains), following links in row order; nodes not reached come
    /// last in their old order. Suppliers of one buyer then sit close together in memory.
    ///
    /// - Returns: `order[newIndex] = oldIndex`.
    /// - Complexity: O(nodes + links).
    public func breadthFirstOrder() -> [Int32] {
        var indegree = [Int32](repeating: 0, count: nodeCount)
        for v in columns { indegree[Int(v)] += 1 }
        var order: [Int32] = []
        order.reserveCapacity(nodeCount)
        var seen = [Bool](repeating: false, count: nodeCount)
        for root in 0..<nodeCount where indegree[root] == 0 {
            seen[root] = true
            order.append(Int32(root))
        }
        var head = 0
        // Nodes below `unseen` are all seen (nodes are never unmarked), so each restart
        // resumes the search where the last one stopped: O(nodes) in all.
        var unseen = 0
        while order.count < nodeCount {
            if head == order.count {
                // A part of the graph only reachable through cycles: start from its first node.
                while seen[unseen] { unseen += 1 }
                seen[unseen] = true
                order.append(Int32(unseen))
            }
            let u = Int(order[head])
            head += 1
            for position in links(of: u) where !seen[Int(columns[position])] {
                seen[Int(columns[position])] = true
                order.append(columns[position])
            }
        }
        return order
    }

    /// The same graph with node `order[i]` renamed `i`; rows keep their link order.
    /// - Parameter order: a permutation, `order[newIndex] = oldIndex`.
    public func renumbered(by order: [Int32]) -> SupplyGraph {
        precondition(order.count == nodeCount)
        var newIndex = [Int32](repeating: 0, count: nodeCount)
        for (new, old) in order.enumerated() { newIndex[Int(old)] = Int32(new) }
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        var newColumns = [Int32]()
        var newShares = [Double]()
        newColumns.reserveCapacity(linkCount)
        newShares.reserveCapacity(linkCount)
        for (new, old) in order.enumerated() {
            for position in links(of: Int(old)) {
                newColumns.append(newIndex[Int(columns[position])])
                newShares.append(shares[position])
            }
            offsets[new + 1] = newColumns.count
        }
        return SupplyGraph(nodeCount: nodeCount, rowOffsets: offsets, columns: newColumns, shares: newShares)
    }
}
