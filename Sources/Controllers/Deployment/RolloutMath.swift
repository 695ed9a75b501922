import Resources

/// The arithmetic of a rolling update, as upstream's deployment util: surge and
/// unavailability bounds from counts or percentages, the new set's next size, and how far
/// the old sets may shrink. Pure; sets are described by their `spec.replicas` and
/// `status.availableReplicas`.
enum RolloutMath {
    /// `value` resolved against `total`: a count as is, a percentage rounded up or down.
    static func resolve(_ value: IntOrString?, total: Int32, roundUp: Bool) -> Int32 {
        switch value {
        case .int(let count)?: return count
        case .string(let text)?:
            guard text.hasSuffix("%"), let percent = Int64(text.dropLast()) else { return 0 }
            let product = percent * Int64(total)
            return Int32(roundUp ? (product + 99) / 100 : product / 100)
        case nil: return 0
        }
    }

    /// maxSurge (rounded up) and maxUnavailable (rounded down) for `desired` replicas; when
    /// both come to zero, one pod may be unavailable so the rollout can move.
    static func fenceposts(_ strategy: RollingUpdateDeployment?, desired: Int32) -> (surge: Int32, unavailable: Int32) {
        let surge = resolve(strategy?.maxSurge ?? "25%", total: desired, roundUp: true)
        var unavailable = resolve(strategy?.maxUnavailable ?? "25%", total: desired, roundUp: false)
        if surge == 0 && unavailable == 0 { unavailable = 1 }
        return (surge, unavailable)
    }

    /// The most pods that may be unavailable, never more than the desired count.
    static func maxUnavailable(_ deployment: Deployment) -> Int32 {
        let desired = deployment.spec?.replicas ?? 1
        guard deployment.spec?.strategy?.type != "Recreate", desired > 0 else { return 0 }
        return min(fenceposts(deployment.spec?.strategy?.rollingUpdate, desired: desired).unavailable, desired)
    }

    static func replicas(_ set: ReplicaSet) -> Int32 { set.spec?.replicas ?? 0 }
    static func available(_ set: ReplicaSet) -> Int32 { set.status?.availableReplicas ?? 0 }

    /// The size the new set should have now (upstream's NewRSNewReplicas): for a rolling
    /// update, grow it as far as the surge allows over all sets' sizes, up to `desired`.
    static func newSetReplicas(_ deployment: Deployment, all: [ReplicaSet], new: ReplicaSet) -> Int32 {
        let desired = deployment.spec?.replicas ?? 1
        guard deployment.spec?.strategy?.type != "Recreate" else { return desired }
        let newReplicas = replicas(new)
        if newReplicas >= desired { return desired }
        let surge = fenceposts(deployment.spec?.strategy?.rollingUpdate, desired: desired).surge
        let current = all.reduce(Int32(0)) { $0 + replicas($1) }
        let maxTotal = desired + surge
        guard current < maxTotal else { return newReplicas }
        return newReplicas + min(maxTotal - current, desired - newReplicas)
    }

    /// The old sets' new sizes (upstream's reconcileOldReplicaSets): first shed their
    /// unavailable pods, then scale down the oldest while at least `desired - maxUnavailable`
    /// pods stay available. Returns each old set with its new `spec.replicas`, in input order.
    static func scaleDownOld(_ deployment: Deployment, new: ReplicaSet, old: [ReplicaSet]) -> [ReplicaSet] {
        let desired = deployment.spec?.replicas ?? 1
        var old = old
        let oldCount = old.reduce(Int32(0)) { $0 + replicas($1) }
        guard oldCount > 0 else { return old }
        let all = old + [new]
        let allCount = all.reduce(Int32(0)) { $0 + replicas($1) }
        let minAvailable = desired - maxUnavailable(deployment)
        let newUnavailable = max(0, replicas(new) - available(new))
        var budget = allCount - minAvailable - newUnavailable
        guard budget > 0 else { return old }

        // Shed unavailable old pods first, oldest set first: they cost no availability.
        let order = old.indices.sorted { creationOrder(old[$0], old[$1]) }
        for index in order where budget > 0 {
            let unhealthy = replicas(old[index]) - available(old[index])
            guard unhealthy > 0 else { continue }
            let cut = min(budget, unhealthy)
            let size = replicas(old[index])
            old[index].spec?.replicas = size - cut
            budget -= cut
        }

        // Then available ones, while the availability bound holds.
        let availableNow = (old + [new]).reduce(Int32(0)) { $0 + min(available($1), replicas($1)) }
        var canRemove = availableNow - minAvailable
        for index in order where canRemove > 0 {
            let size = replicas(old[index])
            guard size > 0 else { continue }
            let cut = min(size, canRemove)
            old[index].spec?.replicas = size - cut
            canRemove -= cut
        }
        return old
    }

    /// Oldest first, then by name: the order old sets are scaled down in.
    static func creationOrder(_ a: ReplicaSet, _ b: ReplicaSet) -> Bool {
        let ta = a.metadata.creationTimestamp?.secondsSince1970 ?? 0
        let tb = b.metadata.creationTimestamp?.secondsSince1970 ?? 0
        return ta != tb ? ta < tb : a.name < b.name
    }

    /// Proportional scaling (upstream's scale()) when the deployment's size changed in the
    /// middle of a rollout: the difference between what is allowed (desired + surge) and what
    /// the active sets hold is shared out in proportion to their sizes, the remainder going
    /// to the largest set. With a single active set, it simply takes the desired size.
    static func proportionalScale(_ deployment: Deployment, new: ReplicaSet?, old: [ReplicaSet]) -> [ReplicaSet] {
        let desired = deployment.spec?.replicas ?? 1
        var sets = old + (new.map { [$0] } ?? [])
        let active = sets.indices.filter { replicas(sets[$0]) > 0 }
        if active.count <= 1 {
            let target = active.first ?? (new != nil ? sets.count - 1 : nil)
            if let target { sets[target].spec?.replicas = desired }
            return sets
        }
        let surge = deployment.spec?.strategy?.type == "Recreate" ? 0
            : fenceposts(deployment.spec?.strategy?.rollingUpdate, desired: desired).surge
        let allowed = desired + surge
        let current = active.reduce(Int32(0)) { $0 + replicas(sets[$1]) }
        let toAdd = allowed - current
        guard toAdd != 0 else { return sets }
        // Largest first (newest first among equals when growing, oldest first when shrinking).
        let ordered = active.sorted { a, b in
            let ra = replicas(sets[a]), rb = replicas(sets[b])
            if ra != rb { return ra > rb }
            return toAdd > 0 ? !creationOrder(sets[a], sets[b]) : creationOrder(sets[a], sets[b])
        }
        var added: Int32 = 0
        var proposed: [Int: Int32] = [:]
        for index in ordered {
            let share = Int32((Int64(replicas(sets[index])) * Int64(toAdd)) / Int64(max(current, 1)))
            proposed[index] = share
            added += share
        }
        if let first = ordered.first { proposed[first, default: 0] += toAdd - added }
        for (index, change) in proposed {
            let size = replicas(sets[index])
            sets[index].spec?.replicas = max(0, size + change)
        }
        return sets
    }
}
