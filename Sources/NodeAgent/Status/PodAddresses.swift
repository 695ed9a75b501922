/// Hands out pod IPs from a node's podCIDR (IPv4), lowest free first, skipping the network
/// address, the gateway (`.1`) and the broadcast address. Pure.
public struct PodAddresses: Sendable {
    private let base: UInt32
    private let size: UInt32
    private var taken: [String: UInt32] = [:]
    private var used: Set<UInt32> = []

    /// Nil when `cidr` is not an IPv4 block of at least 4 addresses.
    public init?(cidr: String) {
        let parts = cidr.split(separator: "/")
        guard parts.count == 2, let bits = UInt32(parts[1]), bits <= 30 else { return nil }
        let octets = parts[0].split(separator: ".").compactMap { UInt32($0) }
        guard octets.count == 4, octets.allSatisfy({ $0 < 256 }) else { return nil }
        let address = octets.reduce(0) { $0 << 8 | $1 }
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
        base = address & mask
        size = UInt32(1) << (32 - bits)
    }

    /// The address `owner` holds, allocating one when it holds none; nil when the block is full.
    public mutating func address(for owner: String) -> String? {
        if let held = taken[owner] { return Self.format(held) }
        for offset in 2..<(size - 1) where !used.contains(base + offset) {
            taken[owner] = base + offset
            used.insert(base + offset)
            return Self.format(base + offset)
        }
        return nil
    }

    /// Whether no address is held.
    public var isEmpty: Bool { taken.isEmpty }

    public mutating func release(_ owner: String) {
        if let held = taken.removeValue(forKey: owner) { used.remove(held) }
    }

    static func format(_ address: UInt32) -> String {
        "\(address >> 24).\(address >> 16 & 255).\(address >> 8 & 255).\(address & 255)"
    }
}
