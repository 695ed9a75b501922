/// ValidatePodSpec and its parts (kubernetes/pkg/apis/core/validation): containers, ports,
/// environment, resources, probes, volumes and mounts, policies. Shared by `Pod` and every
/// pod template (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob).
extension PodSpec {
    /// The restart policies a pod may have (in Kubernetes' order).
    static let restartPolicies = ["Always", "OnFailure", "Never"]
    /// The DNS policies, sorted as Kubernetes lists them in its error.
    static let dnsPolicies = ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"]

    /// Every failure in the spec, with paths under `path` (`spec` or `spec.template.spec`).
    public func validate(path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        let (volumeErrors, volumeNames) = validateVolumes(path: path.child("volumes"))
        errs += volumeErrors

        var containerNames = Set<String>()
        errs += validateContainers(initContainers, path: path.child("initContainers"), volumes: volumeNames,
                                   names: &containerNames, isInit: true)
        if containers.isEmpty {
            errs.append(.required(path.child("containers")))
        }
        errs += validateContainers(containers, path: path.child("containers"), volumes: volumeNames,
                                   names: &containerNames, isInit: false)

        errs += Check.supported(restartPolicy, Self.restartPolicies, path.child("restartPolicy"))
        errs += Check.supported(dnsPolicy, Self.dnsPolicies, path.child("dnsPolicy"))
        errs += ObjectMeta.validateLabels(nodeSelector, path: path.child("nodeSelector"))
        errs += Check.nonNegative(terminationGracePeriodSeconds, path.child("terminationGracePeriodSeconds"))
        if let activeDeadlineSeconds, activeDeadlineSeconds < 1 || activeDeadlineSeconds > Int64(Int32.max) {
            errs.append(.invalid(path.child("activeDeadlineSeconds"), String(activeDeadlineSeconds),
                                 NameValidation.inclusiveRangeError(1, Int(Int32.max))))
        }
        if let serviceAccountName, !serviceAccountName.isEmpty {
            for msg in NameRule.dnsSubdomain.messages(for: serviceAccountName) {
                errs.append(.invalid(path.child("serviceAccountName"), quoting: serviceAccountName, msg))
            }
        }
        if let nodeName, !nodeName.isEmpty {
            for msg in NameRule.dnsSubdomain.messages(for: nodeName) {
                errs.append(.invalid(path.child("nodeName"), quoting: nodeName, msg))
            }
        }
        if let hostname, !hostname.isEmpty {
            for msg in NameValidation.dns1123Label(hostname) {
                errs.append(.invalid(path.child("hostname"), quoting: hostname, msg))
            }
        }
        if let subdomain, !subdomain.isEmpty {
            for msg in NameValidation.dns1123Label(subdomain) {
                errs.append(.invalid(path.child("subdomain"), quoting: subdomain, msg))
            }
        }
        errs += Check.supported(preemptionPolicy, ["Never", "PreemptLowerPriority"], path.child("preemptionPolicy"))
        errs += validateTolerations(path: path.child("tolerations"))
        if let resources {
            errs += resources.validate(path: path.child("resources"))
        }
        return errs
    }

    /// A required DNS-1123 label that must be unique among `seen` (volume and container names).
    static func validateUniqueLabelName(_ name: String, _ path: FieldPath, seen: inout Set<String>) -> [FieldError] {
        guard !name.isEmpty else { return [.required(path)] }
        var errs = NameValidation.dns1123Label(name).map { FieldError.invalid(path, quoting: name, $0) }
        if !seen.insert(name).inserted { errs.append(.duplicate(path, quoting: name)) }
        return errs
    }

    // MARK: Volumes

    /// Names unique DNS labels, exactly one source each. Returns the declared names.
    func validateVolumes(path: FieldPath) -> ([FieldError], Set<String>) {
        var errs: [FieldError] = []
        var names = Set<String>()
        for (i, volume) in volumes.enumerated() {
            let p = path.index(i)
            errs += Self.validateUniqueLabelName(volume.name, p.child("name"), seen: &names)
            let sources = volume.sourceFieldNames
            if sources.isEmpty {
                errs.append(.required(p, "must specify a volume type"))
            }
            for extra in sources.dropFirst() {
                errs.append(.forbidden(p.child(extra), "may not specify more than 1 volume type"))
            }
            if let pvc = volume.persistentVolumeClaim, pvc.claimName.isEmpty {
                errs.append(.required(p.child("persistentVolumeClaim").child("claimName")))
            }
            if let hostPath = volume.hostPath, hostPath.path.isEmpty {
                errs.append(.required(p.child("hostPath").child("path")))
            }
            if let sizeLimit = volume.emptyDir?.sizeLimit {
                errs += ResourceRequirements.validateQuantity(sizeLimit, p.child("emptyDir").child("sizeLimit"))
            }
        }
        return (errs, names)
    }

    // MARK: Containers

    func validateContainers(_ list: [Container], path: FieldPath, volumes: Set<String>,
                            names: inout Set<String>, isInit: Bool) -> [FieldError] {
        var errs: [FieldError] = []
        for (i, c) in list.enumerated() {
            let p = path.index(i)
            errs += Self.validateUniqueLabelName(c.name, p.child("name"), seen: &names)
            if (c.image ?? "").isEmpty {
                errs.append(.required(p.child("image")))
            }
            errs += Check.supported(c.imagePullPolicy, ["Always", "IfNotPresent", "Never"], p.child("imagePullPolicy"))
            errs += Check.supported(c.terminationMessagePolicy, ["File", "FallbackToLogsOnError"], p.child("terminationMessagePolicy"))
            if let policy = c.restartPolicy {
                if isInit {
                    errs += Check.supported(policy, ["Always"], p.child("restartPolicy"))
                } else {
                    errs.append(.forbidden(p.child("restartPolicy"), "may not be set for non-init containers"))
                }
            }
            errs += c.validatePorts(path: p.child("ports"))
            errs += c.validateEnv(path: p)
            if let resources = c.resources {
                errs += resources.validate(path: p.child("resources"))
            }
            errs += c.validateVolumeMounts(path: p.child("volumeMounts"), volumes: volumes)

            let sidecar = isInit && c.restartPolicy == "Always"
            let probes: [(String, Probe?)] = [("livenessProbe", c.livenessProbe), ("readinessProbe", c.readinessProbe),
                                              ("startupProbe", c.startupProbe)]
            for (name, probe) in probes {
                guard let probe else { continue }
                if isInit && !sidecar {
                    errs.append(.forbidden(p.child(name), "may not be set for init containers without restartPolicy=Always"))
                    continue
                }
                errs += probe.validate(path: p.child(name), kind: name)
            }
            if let lifecycle = c.lifecycle {
                errs += lifecycle.validate(path: p.child("lifecycle"))
            }
        }
        return errs
    }

    func validateTolerations(path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        for (i, t) in tolerations.enumerated() {
            let p = path.index(i)
            if let key = t.key, !key.isEmpty {
                for msg in NameValidation.qualifiedName(key) { errs.append(.invalid(p.child("key"), quoting: key, msg)) }
            }
            if (t.key ?? "").isEmpty && t.operator != "Exists" {
                errs.append(.invalid(p.child("operator"), quoting: t.operator ?? "", "operator must be Exists when `key` is empty, which means \"match all values and all keys\""))
            }
            if t.tolerationSeconds != nil && t.effect != "NoExecute" {
                errs.append(.invalid(p.child("effect"), quoting: t.effect ?? "", "effect must be 'NoExecute' when `tolerationSeconds` is set"))
            }
            switch t.operator {
            case nil, "Equal":
                if let value = t.value {
                    for msg in NameValidation.labelValue(value) { errs.append(.invalid(p.child("value"), quoting: value, msg)) }
                }
            case "Exists":
                if let value = t.value, !value.isEmpty {
                    errs.append(.invalid(p.child("operator"), quoting: value, "value must be empty when `operator` is 'Exists'"))
                }
            case let op?:
                errs.append(.notSupported(p.child("operator"), quoting: op, supported: ["Equal", "Exists"]))
            }
            errs += Check.supported(t.effect.flatMap { $0.isEmpty ? nil : $0 }, ["NoExecute", "NoSchedule", "PreferNoSchedule"], p.child("effect"))
        }
        return errs
    }
}

extension Volume {
    /// The JSON names of the volume sources set, in declaration order.
    var sourceFieldNames: [String] {
        var names: [String] = []
        if hostPath != nil { names.append("hostPath") }
        if emptyDir != nil { names.append("emptyDir") }
        if secret != nil { names.append("secret") }
        if nfs != nil { names.append("nfs") }
        if persistentVolumeClaim != nil { names.append("persistentVolumeClaim") }
        if downwardAPI != nil { names.append("downwardAPI") }
        if configMap != nil { names.append("configMap") }
        if projected != nil { names.append("projected") }
        if csi != nil { names.append("csi") }
        if ephemeral != nil { names.append("ephemeral") }
        if image != nil { names.append("image") }
        // Sources Capstan does not model (awsElasticBlockStore, …) survive in unknownFields.
        names += unknownFields.keys.sorted()
        return names
    }
}

extension Container {
    static let protocols = ["SCTP", "TCP", "UDP"]

    func validatePorts(path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        var names = Set<String>()
        for (i, port) in ports.enumerated() {
            let p = path.index(i)
            if let name = port.name, !name.isEmpty {
                for msg in NameValidation.portName(name) { errs.append(.invalid(p.child("name"), quoting: name, msg)) }
                if names.contains(name) {
                    errs.append(.duplicate(p.child("name"), quoting: name))
                } else {
                    names.insert(name)
                }
            }
            if port.containerPort == 0 {
                errs.append(.required(p.child("containerPort")))
            } else {
                for msg in NameValidation.portNumber(Int(port.containerPort)) {
                    errs.append(.invalid(p.child("containerPort"), String(port.containerPort), msg))
                }
            }
            if let hostPort = port.hostPort, hostPort != 0 {
                for msg in NameValidation.portNumber(Int(hostPort)) {
                    errs.append(.invalid(p.child("hostPort"), String(hostPort), msg))
                }
            }
            errs += Check.supported(port.protocol, Self.protocols, p.child("protocol"))
        }
        return errs
    }

    func validateEnv(path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        for (i, v) in env.enumerated() {
            let p = path.child("env").index(i)
            if v.name.isEmpty {
                errs.append(.required(p.child("name")))
            } else {
                for msg in NameValidation.envVarName(v.name) { errs.append(.invalid(p.child("name"), quoting: v.name, msg)) }
            }
            if let from = v.valueFrom {
                let sources = [from.fieldRef != nil, from.resourceFieldRef != nil, from.configMapKeyRef != nil, from.secretKeyRef != nil]
                    .filter { $0 }.count
                if let value = v.value, !value.isEmpty, sources > 0 {
                    errs.append(.invalid(p.child("valueFrom"), "\"\"", "may not be specified when `value` is not empty"))
                }
                if sources == 0 {
                    errs.append(.invalid(p.child("valueFrom"), "\"\"", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"))
                } else if sources > 1 {
                    errs.append(.invalid(p.child("valueFrom"), "\"\"", "may not have more than one field specified at a time"))
                }
                if let ref = from.configMapKeyRef {
                    for msg in NameValidation.configMapKey(ref.key) {
                        errs.append(.invalid(p.child("valueFrom").child("configMapKeyRef").child("key"), quoting: ref.key, msg))
                    }
                }
                if let ref = from.secretKeyRef {
                    for msg in NameValidation.configMapKey(ref.key) {
                        errs.append(.invalid(p.child("valueFrom").child("secretKeyRef").child("key"), quoting: ref.key, msg))
                    }
                }
            }
        }
        for (i, from) in envFrom.enumerated() {
            let p = path.child("envFrom").index(i)
            let count = (from.configMapRef != nil ? 1 : 0) + (from.secretRef != nil ? 1 : 0)
            if count == 0 {
                errs.append(.invalid(p, "\"\"", "must specify one of: `configMapRef` or `secretRef`"))
            } else if count > 1 {
                errs.append(.invalid(p, "\"\"", "may not have more than one field specified at a time"))
            }
        }
        return errs
    }

    func validateVolumeMounts(path: FieldPath, volumes: Set<String>) -> [FieldError] {
        var errs: [FieldError] = []
        var mountPaths = Set<String>()
        for (i, mount) in volumeMounts.enumerated() {
            let p = path.index(i)
            if mount.name.isEmpty {
                errs.append(.required(p.child("name")))
            } else if !volumes.contains(mount.name) {
                errs.append(FieldError(.notFound, p.child("name"), value: GoValueFormat.quote(mount.name)))
            }
            if mount.mountPath.isEmpty {
                errs.append(.required(p.child("mountPath")))
            } else if mountPaths.contains(mount.mountPath) {
                errs.append(.invalid(p.child("mountPath"), quoting: mount.mountPath, "must be unique"))
            } else {
                mountPaths.insert(mount.mountPath)
            }
            if let subPath = mount.subPath, !subPath.isEmpty {
                if subPath.hasPrefix("/") {
                    errs.append(.invalid(p.child("subPath"), quoting: subPath, "must be a relative path"))
                }
                if subPath.split(separator: "/").contains("..") {
                    errs.append(.invalid(p.child("subPath"), quoting: subPath, "must not contain '..'"))
                }
            }
            errs += Check.supported(mount.mountPropagation, ["Bidirectional", "HostToContainer", "None"], p.child("mountPropagation"))
        }
        return errs
    }
}

extension ResourceRequirements {
    /// Quantities valid and non-negative; each request at most its limit.
    func validate(path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        for name in limits.keys.sorted() {
            errs += Self.validateResourceName(name, path.child("limits").key(name))
            errs += Self.validateQuantity(limits[name]!, path.child("limits").key(name))
        }
        for name in requests.keys.sorted() {
            let p = path.child("requests").key(name)
            errs += Self.validateResourceName(name, p)
            let request = requests[name]!
            errs += Self.validateQuantity(request, p)
            if let limit = limits[name], limit.isValid, request.isValid, request > limit {
                errs.append(.invalid(p, GoValueFormat.quote(request.canonical),
                                     "must be less than or equal to \(name) limit of \(limit.canonical)"))
            }
        }
        return errs
    }

    static func validateResourceName(_ name: String, _ path: FieldPath) -> [FieldError] {
        NameValidation.qualifiedName(name).map { .invalid(path, quoting: name, $0) }
    }

    /// A well-formed, non-negative quantity.
    static func validateQuantity(_ q: Quantity, _ path: FieldPath) -> [FieldError] {
        if let message = Quantity.validate(q.text) {
            return [.invalid(path, quoting: q.text, message)]
        }
        if q.sign < 0 {
            return [.invalid(path, GoValueFormat.quote(q.canonical), "must be greater than or equal to 0")]
        }
        return []
    }
}

extension Probe {
    /// Exactly one handler; timings non-negative; success threshold 1 for liveness and startup.
    func validate(path: FieldPath, kind: String) -> [FieldError] {
        var errs: [FieldError] = []
        var handlers: [String] = []
        if let exec {
            handlers.append("exec")
            if exec.command.isEmpty { errs.append(.required(path.child("exec").child("command"))) }
        }
        if let httpGet {
            handlers.append("httpGet")
            errs += Probe.validatePort(httpGet.port, path.child("httpGet").child("port"))
            errs += Check.supported(httpGet.scheme, ["HTTP", "HTTPS"], path.child("httpGet").child("scheme"))
        }
        if let tcpSocket {
            handlers.append("tcpSocket")
            errs += Probe.validatePort(tcpSocket.port, path.child("tcpSocket").child("port"))
        }
        if let grpc {
            handlers.append("grpc")
            for msg in NameValidation.portNumber(Int(grpc.port)) {
                errs.append(.invalid(path.child("grpc").child("port"), String(grpc.port), msg))
            }
        }
        if handlers.isEmpty {
            errs.append(.required(path, "must specify a handler type"))
        }
        for extra in handlers.dropFirst() {
            errs.append(.forbidden(path.child(extra), "may not specify more than 1 handler type"))
        }
        errs += Check.nonNegative(initialDelaySeconds, path.child("initialDelaySeconds"))
        errs += Check.nonNegative(timeoutSeconds, path.child("timeoutSeconds"))
        errs += Check.nonNegative(periodSeconds, path.child("periodSeconds"))
        errs += Check.nonNegative(successThreshold, path.child("successThreshold"))
        errs += Check.nonNegative(failureThreshold, path.child("failureThreshold"))
        if kind != "readinessProbe", let successThreshold, successThreshold != 1 {
            errs.append(.invalid(path.child("successThreshold"), String(successThreshold), "must be 1"))
        }
        if let grace = terminationGracePeriodSeconds {
            if kind == "readinessProbe" {
                errs.append(.invalid(path.child("terminationGracePeriodSeconds"), String(grace), "must not be set for readinessProbes"))
            } else if grace <= 0 {
                errs.append(.invalid(path.child("terminationGracePeriodSeconds"), String(grace), "must be greater than 0"))
            }
        }
        return errs
    }

    /// A port number in range, or a valid port name.
    static func validatePort(_ port: IntOrString?, _ path: FieldPath) -> [FieldError] {
        switch port {
        case nil:
            return [.required(path)]
        case .int(let n):
            return NameValidation.portNumber(Int(n)).map { .invalid(path, String(n), $0) }
        case .string(let name):
            return NameValidation.portName(name).map { .invalid(path, GoValueFormat.quote(name), $0) }
        }
    }
}

extension Lifecycle {
    func validate(path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        for (name, handler) in [("postStart", postStart), ("preStop", preStop)] {
            guard let handler else { continue }
            let p = path.child(name)
            var set: [String] = []
            if let exec = handler.exec {
                set.append("exec")
                if exec.command.isEmpty { errs.append(.required(p.child("exec").child("command"))) }
            }
            if let httpGet = handler.httpGet {
                set.append("httpGet")
                errs += Probe.validatePort(httpGet.port, p.child("httpGet").child("port"))
            }
            if let tcpSocket = handler.tcpSocket {
                set.append("tcpSocket")
                errs += Probe.validatePort(tcpSocket.port, p.child("tcpSocket").child("port"))
            }
            if let sleep = handler.sleep {
                set.append("sleep")
                errs += Check.nonNegative(sleep.seconds, p.child("sleep").child("seconds"))
            }
            if set.isEmpty { errs.append(.required(p, "must specify a handler type")) }
            for extra in set.dropFirst() {
                errs.append(.forbidden(p.child(extra), "may not specify more than 1 handler type"))
            }
        }
        return errs
    }
}
