/// Keys in least-recently-used order with a cost each and their total: the bookkeeping
/// both caches share. A value type; callers guard it with a lock.
///
/// A doubly linked list in arrays (indices, not references) so that touch, insert and
/// remove are O(1) without class nodes.
struct LRUIndex<Key: Hashable & Sendable>: Sendable {
    private struct Node: Sendable {
        var key: Key
        var cost: Int
        var older: Int?
        var newer: Int?
    }

    private var nodes: [Node] = []
    private var free: [Int] = []
    private var positions: [Key: Int] = [:]
    private var oldest: Int?
    private var newest: Int?
    private(set) var totalCost = 0

    var count: Int { positions.count }

    func contains(_ key: Key) -> Bool { positions[key] != nil }

    func cost(of key: Key) -> Int? { positions[key].map { nodes[$0].cost } }

    /// Inserts or updates `key` as the most recently used.
    mutating func insert(_ key: Key, cost: Int) {
        if let position = positions[key] {
            totalCost += cost - nodes[position].cost
            nodes[position].cost = cost
            touch(key)
            return
        }
        let node = Node(key: key, cost: cost, older: newest, newer: nil)
        let position: Int
        if let reused = free.popLast() {
            nodes[reused] = node
            position = reused
        } else {
            nodes.append(node)
            position = nodes.count - 1
        }
        if let newest { nodes[newest].newer = position }
        newest = position
        if oldest == nil { oldest = position }
        positions[key] = position
        totalCost += cost
    }

    /// Marks `key` as just used.
    mutating func touch(_ key: Key) {
        guard let position = positions[key], position != newest else { return }
        unlink(position)
        nodes[position].older = newest
        nodes[position].newer = nil
        if let newest { nodes[newest].newer = position }
        newest = position
        if oldest == nil { oldest = position }
    }

    @discardableResult
    mutating func remove(_ key: Key) -> Int? {
        guard let position = positions.removeValue(forKey: key) else { return nil }
        unlink(position)
        let cost = nodes[position].cost
        totalCost -= cost
        free.append(position)
        return cost
    }

    /// Removes least-recently-used keys until the total is at most `limit`; returns them.
    mutating func evict(downTo limit: Int) -> [Key] {
        var evicted: [Key] = []
        while totalCost > limit, let position = oldest {
            let key = nodes[position].key
            remove(key)
            evicted.append(key)
        }
        return evicted
    }

    private mutating func unlink(_ position: Int) {
        let node = nodes[position]
        if let older = node.older { nodes[older].newer = node.newer } else { oldest = node.newer }
        if let newer = node.newer { nodes[newer].older = node.older } else { newest = node.older }
        nodes[position].older = nil
        nodes[position].newer = nil
    }
}
