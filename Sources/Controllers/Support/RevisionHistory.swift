import Client
import Resources

/// The ControllerRevisions of a StatefulSet or DaemonSet, as upstream's controller history
/// keeps them (pure):
/// - a revision holds the strategic merge patch that restores the owner's pod template
///   (`{"spec":{"template":{…,"$patch":"replace"}}}`), which is what `kubectl rollout undo`
///   applies;
/// - it is named `OWNER-HASH` and labelled with the template's labels plus
///   `controller-revision-hash`, so `kubectl rollout history` finds it by the owner's selector;
/// - a template that matches an older revision reuses it with the next number, as after an
///   undo;
/// - past `revisionHistoryLimit`, the oldest revisions no pod runs are let go.
enum RevisionHistory {
    static let hashLabel = "controller-revision-hash"

    /// The revisions `owner` controls.
    static func owned(_ revisions: [ControllerRevision], by owner: some APIResource) -> [ControllerRevision] {
        revisions.filter { $0.metadata.controllerReference?.uid == owner.metadata.uid }
    }

    /// The patch a revision of `template` holds.
    static func data(for template: PodTemplateSpec) -> JSONValue {
        var json = (try? JSONValue(encoding: template)) ?? .object([:])
        if case .object(var members) = json {
            members["$patch"] = .string("replace")
            json = .object(members)
        }
        return .object(["spec": .object(["template": json])])
    }

    /// The pod template a revision restores, when its data holds one.
    static func template(of revision: ControllerRevision) -> PodTemplateSpec? {
        guard case .object(let root)? = revision.data, case .object(let spec)? = root["spec"],
              case .object(var template)? = spec["template"] else { return nil }
        template["$patch"] = nil
        return try? JSONValue.object(template).decode(PodTemplateSpec.self)
    }

    /// The revision, among `revisions`, that holds the same pod as `template`; the newest
    /// when several do.
    static func matching(_ template: PodTemplateSpec?, among revisions: [ControllerRevision]) -> ControllerRevision? {
        revisions.filter { TemplateHash.same(self.template(of: $0), template) }.max { ($0.revision ?? 0) < ($1.revision ?? 0) }
    }

    /// One past the highest revision number.
    static func nextNumber(_ revisions: [ControllerRevision]) -> Int64 {
        (revisions.compactMap(\.revision).max() ?? 0) + 1
    }

    /// The hash a revision of `template` carries at `collisionCount`.
    static func hash(_ template: PodTemplateSpec, collisionCount: Int32?) -> String {
        TemplateHash.hash(template, collisionCount: collisionCount)
    }

    /// A new revision of `owner`'s `template`, numbered `number`.
    static func makeRevision(owner: some APIResource, template: PodTemplateSpec, number: Int64, collisionCount: Int32?) -> ControllerRevision {
        let hash = hash(template, collisionCount: collisionCount)
        var revision = ControllerRevision()
        revision.metadata.name = "\(owner.name.prefix(223))-\(hash)"
        revision.metadata.namespace = owner.metadata.namespace
        revision.metadata.labels = (template.metadata.labels ?? [:]).merging([hashLabel: hash]) { $1 }
        revision.metadata.ownerReferences = [.controller(owner)]
        revision.data = data(for: template)
        revision.revision = number
        return revision
    }

    /// The revisions to delete so that at most `limit` are kept besides `live` (the current
    /// and update revisions, and those some pod still runs): the oldest go first.
    static func toPrune(_ revisions: [ControllerRevision], limit: Int32, live: Set<String>) -> [ControllerRevision] {
        let candidates = revisions.filter { !live.contains($0.name) }.sorted { ($0.revision ?? 0) < ($1.revision ?? 0) }
        let excess = candidates.count - Int(max(0, limit))
        return excess > 0 ? Array(candidates.prefix(excess)) : []
    }
}

extension ClusterClient {
    /// The revision of `owner`'s `template` among `revisions` (those it owns), made current:
    /// the newest one when it already holds this template, an older matching one renumbered
    /// past the newest, or a new one. A name taken by a revision with other data bumps the
    /// collision count, as upstream does. Returns the revision and the collision count to record.
    func updateRevision(of owner: some APIResource, template: PodTemplateSpec, collisionCount: Int32?,
                        revisions: [ControllerRevision]) async throws -> (revision: ControllerRevision, collisionCount: Int32?) {
        let newest = revisions.max { ($0.revision ?? 0) < ($1.revision ?? 0) }
        if let equal = RevisionHistory.matching(template, among: revisions) {
            if equal.name == newest?.name { return (equal, collisionCount) }
            var renumbered = equal
            renumbered.revision = RevisionHistory.nextNumber(revisions)
            return (try await update(renumbered), collisionCount)
        }
        var collisions = collisionCount
        for _ in 0..<10 {
            let revision = RevisionHistory.makeRevision(owner: owner, template: template,
                                                        number: RevisionHistory.nextNumber(revisions), collisionCount: collisions)
            do {
                return (try await create(revision), collisions)
            } catch {
                guard error.isAlreadyExists else { throw error }
            }
            let existing = try await get(ControllerRevision.self, name: revision.name, namespace: revision.metadata.namespace)
            if existing.metadata.controllerReference?.uid == owner.metadata.uid,
               TemplateHash.same(RevisionHistory.template(of: existing), template) {
                return (existing, collisions)
            }
            collisions = (collisions ?? 0) + 1
        }
        throw ClientError.transport("no free ControllerRevision name for \(owner.kind) \(owner.name) after 10 collisions")
    }

    /// Deletes the revisions past `limit` that `live` does not name.
    func pruneRevisions(_ revisions: [ControllerRevision], limit: Int32, live: Set<String>) async throws {
        for revision in RevisionHistory.toPrune(revisions, limit: limit, live: live) {
            do {
                _ = try await delete(ControllerRevision.self, name: revision.name, namespace: revision.metadata.namespace)
            } catch {
                guard error.isNotFound else { throw error }
            }
        }
    }
}
