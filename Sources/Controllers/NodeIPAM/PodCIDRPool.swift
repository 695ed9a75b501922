/// The node pod ranges carved from the cluster's pod CIDR: an IPv4 network split into
/// blocks of `/maskSize`, numbered from 0 (`10.42.0.0/16` with `/24`: block 3 is
/// `10.42.3.0/24`). Pure: which blocks are taken is the caller's.
struct PodCIDRPool: Sendable, Equatable {
    let network: UInt32
    let prefix: Int
    let maskSize: Int

    /// nil unless `clusterCIDR` is an IPv4 network (`10.42.0.0/16`, host bits zero) and
    /// `maskSize` is longer than its prefix and at most 30.
    init?(clusterCIDR: String, maskSize: Int) {
        guard let (address, prefix) = Self.parse(clusterCIDR), prefix < maskSize, maskSize <= 30,
              maskSize - prefix <= 24, address & ~Self.mask(prefix) == 0 else { return nil }
        self.network = address
        self.prefix = prefix
        self.maskSize = maskSize
    }

    var blockCount: Int { 1 << (maskSize - prefix) }

    /// The CIDR of block `index`.
    func cidr(_ index: Int) -> String {
        let address = network | UInt32(index) << UInt32(32 - maskSize)
        return "\(address >> 24).\(address >> 16 & 0xff).\(address >> 8 & 0xff).\(address & 0xff)/\(maskSize)"
    }

    /// The block `cidr` is, or nil when it is not one of this pool's.
    func index(of cidr: String) -> Int? {
        guard let (address, prefix) = Self.parse(cidr), prefix == maskSize,
              address & Self.mask(self.prefix) == network, address & ~Self.mask(maskSize) == 0 else { return nil }
        return Int((address - network) >> UInt32(32 - maskSize))
    }

    /// The lowest block not in `taken`.
    func firstFree(excluding taken: Set<Int>) -> Int? {
        (0..<blockCount).first { !taken.contains($0) }
    }

    static func mask(_ prefix: Int) -> UInt32 {
        prefix == 0 ? 0 : UInt32.max << UInt32(32 - prefix)
    }

    static func parse(_ cidr: String) -> (UInt32, Int)? {
        let parts = cidr.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let prefix = Int(parts[1]), (0...32).contains(prefix) else { return nil }
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var address: UInt32 = 0
        for octet in octets {
            guard let value = UInt8(octet), String(value) == octet else { return nil }
            address = address << 8 | UInt32(value)
        }
        return (address, prefix)
    }
}
