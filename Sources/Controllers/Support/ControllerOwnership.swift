import Client
import Resources

/// How candidate objects relate to a controller, by Kubernetes' adoption rules (pure):
/// those it controls and that match its selector are owned; orphans that match are adopted,
/// unless the controller is being deleted; those it controls that no longer match are
/// released. Objects another controller owns are left alone.
struct ControllerOwnership<Object: APIResource> {
    var owned: [Object] = []
    var adopt: [Object] = []
    var release: [Object] = []

    init(owner: some APIResource, selector: Selector, candidates: [Object], adoptable: (Object) -> Bool = { _ in true }) {
        let uid = owner.metadata.uid ?? ""
        let ownerDeleting = owner.metadata.deletionTimestamp != nil
        for object in candidates where object.metadata.namespace == owner.metadata.namespace {
            let matches = selector.matches(object.metadata.labels ?? [:])
            if let controller = object.metadata.controllerReference {
                guard controller.uid == uid else { continue }
                if matches { owned.append(object) } else { release.append(object) }
            } else if matches, !ownerDeleting, object.metadata.deletionTimestamp == nil, adoptable(object) {
                adopt.append(object)
            }
        }
    }

    /// The strategic merge patch that makes `owner` the object's controller; it names the
    /// object's uid so that it fails on a re-created object of the same name.
    static func adoptionPatch(of object: Object, by owner: some APIResource) throws -> JSONValue {
        .object(["metadata": .object([
            "ownerReferences": .array([try JSONValue(encoding: OwnerReference.controller(owner))]),
            "uid": .string(object.metadata.uid ?? ""),
        ])])
    }

    /// The strategic merge patch that removes `owner`'s reference from the object.
    static func releasePatch(of object: Object, by owner: some APIResource) -> JSONValue {
        .object(["metadata": .object([
            "ownerReferences": .array([.object(["$patch": .string("delete"), "uid": .string(owner.metadata.uid ?? "")])]),
            "uid": .string(object.metadata.uid ?? ""),
        ])])
    }
}

extension ClusterClient {
    /// The candidates `owner` controls once it has adopted the matching orphans and released
    /// the objects that no longer match.
    func claim<Object: APIResource>(_ candidates: [Object], for owner: some APIResource, selector: Selector,
                                    adoptable: (Object) -> Bool = { _ in true }) async throws -> [Object] {
        let ownership = ControllerOwnership(owner: owner, selector: selector, candidates: candidates, adoptable: adoptable)
        return ownership.owned + (try await settle(ownership, owner: owner))
    }

    /// Adopts and releases what `ownership` says for `owner`; returns the adopted objects as
    /// the server now has them. Objects gone meanwhile are skipped.
    func settle<Object: APIResource>(_ ownership: ControllerOwnership<Object>, owner: some APIResource) async throws -> [Object] {
        var adopted: [Object] = []
        for object in ownership.adopt {
            let patch = try ControllerOwnership<Object>.adoptionPatch(of: object, by: owner)
            do {
                adopted.append(try await self.patch(Object.self, name: object.name, namespace: object.metadata.namespace, .strategic(patch)))
            } catch {
                guard error.isNotFound || error.code == 422 else { throw error }
            }
        }
        for object in ownership.release {
            let patch = ControllerOwnership<Object>.releasePatch(of: object, by: owner)
            do {
                _ = try await self.patch(Object.self, name: object.name, namespace: object.metadata.namespace, .strategic(patch))
            } catch {
                guard error.isNotFound || error.code == 422 else { throw error }
            }
        }
        return adopted
    }
}
