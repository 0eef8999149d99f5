import Synchronization

/// Decoded images (or anything with a byte cost) in memory, least recently used dropped
/// first once the total passes `capacityBytes`. Safe to share between tasks.
public final class MemoryCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct State: Sendable {
        var values: [Key: Value] = [:]
        var index = LRUIndex<Key>()
    }

    public let capacityBytes: Int
    private let state = Mutex(State())

    public init(capacityBytes: Int) {
        self.capacityBytes = max(0, capacityBytes)
    }

    public func value(for key: Key) -> Value? {
        state.withLock { state in
            guard let value = state.values[key] else { return nil }
            state.index.touch(key)
            return value
        }
    }

    /// Stores `value`; a value costing more than the whole capacity is not kept.
    public func insert(_ value: Value, for key: Key, cost: Int) {
        state.withLock { state in
            guard cost <= capacityBytes else {
                state.index.remove(key)
                state.values[key] = nil
                return
            }
            state.values[key] = value
            state.index.insert(key, cost: cost)
            for evicted in state.index.evict(downTo: capacityBytes) { state.values[evicted] = nil }
        }
    }

    public func removeAll() {
        state.withLock { $0 = State() }
    }

    public var count: Int { state.withLock { $0.values.count } }
    public var totalCost: Int { state.withLock { $0.index.totalCost } }
}

extension MemoryCache where Value == DecodedImage {
    /// Caches a decoded image at its pixel size.
    public func insert(_ image: DecodedImage, for key: Key) {
        insert(image, for: key, cost: image.image.byteCount)
    }
}
