import Resources

/// Amounts of the resources the scheduler counts: CPU in millicores, memory and
/// ephemeral storage in bytes, a pod count, and every other (extended) resource by name in
/// its base unit.
public struct ResourceAmounts: Sendable, Hashable {
    public var milliCPU: Int64 = 0
    public var memory: Int64 = 0
    public var ephemeralStorage: Int64 = 0
    public var pods: Int64 = 0
    public var scalar: [String: Int64] = [:]

    public init() {}

    public init(_ list: [String: Quantity]) {
        for (name, quantity) in list { self[name] = name == "cpu" ? quantity.milliValue : quantity.value }
    }

    /// The amount of `name` (`cpu` in millicores).
    public subscript(name: String) -> Int64 {
        get {
            switch name {
            case "cpu": milliCPU
            case "memory": memory
            case "ephemeral-storage": ephemeralStorage
            case "pods": pods
            default: scalar[name] ?? 0
            }
        }
        set {
            switch name {
            case "cpu": milliCPU = newValue
            case "memory": memory = newValue
            case "ephemeral-storage": ephemeralStorage = newValue
            case "pods": pods = newValue
            default: scalar[name] = newValue
            }
        }
    }

    /// The names with a non-zero amount, besides pods.
    public var names: [String] {
        var names: [String] = []
        if milliCPU != 0 { names.append("cpu") }
        if memory != 0 { names.append("memory") }
        if ephemeralStorage != 0 { names.append("ephemeral-storage") }
        return names + scalar.filter { $0.value != 0 }.keys.sorted()
    }

    public static func += (a: inout ResourceAmounts, b: ResourceAmounts) {
        a.milliCPU += b.milliCPU
        a.memory += b.memory
        a.ephemeralStorage += b.ephemeralStorage
        a.pods += b.pods
        for (name, value) in b.scalar { a.scalar[name, default: 0] += value }
    }

    public static func -= (a: inout ResourceAmounts, b: ResourceAmounts) {
        a.milliCPU -= b.milliCPU
        a.memory -= b.memory
        a.ephemeralStorage -= b.ephemeralStorage
        a.pods -= b.pods
        for (name, value) in b.scalar { a.scalar[name, default: 0] -= value }
    }

    /// Each resource's larger amount.
    func max(_ other: ResourceAmounts) -> ResourceAmounts {
        var result = ResourceAmounts()
        for name in Set(names + other.names) { result[name] = Swift.max(self[name], other[name]) }
        return result
    }
}

/// What a pod asks of its node, as upstream's resource helpers compute it: the regular
/// containers' requests summed, or the largest init-container request if bigger (init
/// containers run one at a time; restartable "sidecar" init containers keep running and add
/// to everything after them), plus the pod overhead.
public enum PodRequests {
    public static func of(_ pod: Pod) -> ResourceAmounts {
        var containers = ResourceAmounts()
        for container in pod.spec?.containers ?? [] { containers += requests(of: container) }
        var sidecars = ResourceAmounts()
        var initPeak = ResourceAmounts()
        for container in pod.spec?.initContainers ?? [] {
            let amounts = requests(of: container)
            if container.restartPolicy == "Always" {
                sidecars += amounts
                initPeak = initPeak.max(sidecars)
            } else {
                var running = sidecars
                running += amounts
                initPeak = initPeak.max(running)
            }
        }
        containers += sidecars
        var total = containers.max(initPeak)
        total += ResourceAmounts(pod.spec?.overhead ?? [:])
        return total
    }

    /// A container's requests; a limit stands in for a missing request, as defaulting does.
    static func requests(of container: Container) -> ResourceAmounts {
        let resources = container.resources
        var list = resources?.limits ?? [:]
        list.merge(resources?.requests ?? [:]) { $1 }
        return ResourceAmounts(list)
    }
}
