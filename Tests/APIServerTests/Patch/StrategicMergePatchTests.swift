import Testing
import Resources
@testable import APIServer

/// Strategic merge patch on Pods (`PodFixture`): what `kubectl patch` and `kubectl apply`
/// rely on.
@Suite struct StrategicMergePatchTests {
    /// Applies a strategic merge patch given as text.
    private func patched(_ object: String, _ patch: String, schema: (any StrategicMergeSchema)? = PodFixture.pod) throws -> JSONValue {
        try applyPatch(.strategicMerge, json(patch), to: json(object), schema: schema)
    }

    /// The message of the error a strategic merge patch fails with, or nil when it applies.
    private func failure(_ object: String, _ patch: String, schema: (any StrategicMergeSchema)? = PodFixture.pod) throws -> String? {
        let object = try json(object)
        let patch = try json(patch)
        do {
            _ = try applyPatch(.strategicMerge, patch, to: object, schema: schema)
            return nil
        } catch {
            return error.message
        }
    }

    private static let twoContainers = #"""
        {"spec":{"containers":[
          {"name":"app","image":"app:v1","args":["--a"],"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],
           "ports":[{"containerPort":80,"name":"http"},{"containerPort":443}],"volumeMounts":[{"mountPath":"/data","name":"data"}]},
          {"name":"sidecar","image":"proxy:v1"}]}}
        """#

    // MARK: Lists merged by key

    @Test func mergeListByNameKeepsUnpatchedContainers() throws {
        let result = try patched(Self.twoContainers, #"{"spec":{"containers":[{"name":"app","image":"app:v2"}]}}"#)
        let containers = result["spec"]?["containers"]?.arrayValue ?? []
        #expect(containers.map { $0["name"] } == ["app", "sidecar"])
        #expect(containers[0]["image"] == "app:v2")
        #expect(containers[0]["args"] == ["--a"])
        #expect(containers[1] == (try json(#"{"name":"sidecar","image":"proxy:v1"}"#)))
    }

    /// Upstream places patch elements first, in patch order, and an original element before
    /// a patch element only when both were in the original in that order; so a new container
    /// lands before the server-only ones.
    @Test func newContainerGoesBeforeServerOnlyContainersAsUpstream() throws {
        let result = try patched(
            #"{"spec":{"containers":[{"name":"a"},{"name":"b"}]}}"#,
            #"{"spec":{"containers":[{"name":"c"},{"name":"d"}]}}"#)
        #expect(result == (try json(#"{"spec":{"containers":[{"name":"c"},{"name":"d"},{"name":"a"},{"name":"b"}]}}"#)))
    }

    @Test func patchedAndNewElementsInterleaveWithOriginalOrder() throws {
        let result = try patched(
            #"{"spec":{"containers":[{"name":"a"},{"name":"b"},{"name":"c"}]}}"#,
            #"{"spec":{"containers":[{"name":"b","image":"x"},{"name":"d"}]}}"#)
        #expect(result == (try json(#"{"spec":{"containers":[{"name":"a"},{"name":"b","image":"x"},{"name":"d"},{"name":"c"}]}}"#)))
    }

    @Test func envMergesByNameInsideMatchedContainer() throws {
        let result = try patched(
            Self.twoContainers, #"{"spec":{"containers":[{"name":"app","env":[{"name":"B","value":"two"},{"name":"C","value":"3"}]}]}}"#)
        #expect(
            result["spec"]?["containers"]?.arrayValue?.first?["env"]
                == (try json(#"[{"name":"A","value":"1"},{"name":"B","value":"two"},{"name":"C","value":"3"}]"#)))
    }

    @Test func portsMergeByContainerPort() throws {
        let result = try patched(Self.twoContainers, #"{"spec":{"containers":[{"name":"app","ports":[{"containerPort":443,"name":"https"}]}]}}"#)
        #expect(
            result["spec"]?["containers"]?.arrayValue?.first?["ports"]
                == (try json(#"[{"containerPort":80,"name":"http"},{"containerPort":443,"name":"https"}]"#)))
    }

    @Test func volumeMountsMergeByMountPath() throws {
        let result = try patched(
            Self.twoContainers, #"{"spec":{"containers":[{"name":"app","volumeMounts":[{"mountPath":"/data","readOnly":true}]}]}}"#)
        #expect(
            result["spec"]?["containers"]?.arrayValue?.first?["volumeMounts"]
                == (try json(#"[{"mountPath":"/data","name":"data","readOnly":true}]"#)))
    }

    @Test func ownerReferencesMergeByUID() throws {
        let result = try patched(
            #"{"metadata":{"ownerReferences":[{"uid":"1","kind":"ReplicaSet","controller":true}]}}"#,
            #"{"metadata":{"ownerReferences":[{"uid":"1","controller":null},{"uid":"2","kind":"Job"}]}}"#)
        #expect(
            result == (try json(#"{"metadata":{"ownerReferences":[{"uid":"1","kind":"ReplicaSet"},{"uid":"2","kind":"Job"}]}}"#)))
    }

    @Test func nullInsideMatchedElementDeletesItsKey() throws {
        let result = try patched(Self.twoContainers, #"{"spec":{"containers":[{"name":"app","args":null}]}}"#)
        #expect(result["spec"]?["containers"]?.arrayValue?.first?["args"] == nil)
    }

    // MARK: Lists of primitives and lists without strategy

    @Test func mergePrimitiveListIsUnionInOriginalOrderThenNew() throws {
        let result = try patched(#"{"metadata":{"finalizers":["a","b","a"]}}"#, #"{"metadata":{"finalizers":["b","c"]}}"#)
        #expect(result == (try json(#"{"metadata":{"finalizers":["a","b","c"]}}"#)))
    }

    @Test func deleteFromPrimitiveListRemovesEveryOccurrence() throws {
        let result = try patched(
            #"{"metadata":{"finalizers":["a","b","a","c"]}}"#, #"{"metadata":{"$deleteFromPrimitiveList/finalizers":["a","zz"]}}"#)
        #expect(result == (try json(#"{"metadata":{"finalizers":["b","c"]}}"#)))
    }

    @Test func deleteFromPrimitiveListOfMissingListAddsNothing() throws {
        let result = try patched(#"{"metadata":{}}"#, #"{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}}"#)
        #expect(result == (try json(#"{"metadata":{}}"#)))
    }

    @Test func listWithoutMergeStrategyIsReplaced() throws {
        let result = try patched(Self.twoContainers, #"{"spec":{"containers":[{"name":"app","args":["--b"]}]}}"#)
        #expect(result["spec"]?["containers"]?.arrayValue?.first?["args"] == ["--b"])
    }

    @Test func unknownMemberBehavesAsOneWithoutMetadata() throws {
        let result = try patched(
            #"{"spec":{"tolerations":[{"key":"a"}],"nodeSelector":{"zone":"x","disk":"ssd"}}}"#,
            #"{"spec":{"tolerations":[{"key":"b"}],"nodeSelector":{"zone":"y"}}}"#)
        #expect(result == (try json(#"{"spec":{"tolerations":[{"key":"b"}],"nodeSelector":{"zone":"y","disk":"ssd"}}}"#)))
    }

    @Test func withoutSchemaMapsMergeAndListsAreReplaced() throws {
        let result = try patched(Self.twoContainers, #"{"spec":{"containers":[{"name":"sidecar"}]}}"#, schema: nil)
        #expect(result == (try json(#"{"spec":{"containers":[{"name":"sidecar"}]}}"#)))
    }

    // MARK: Maps

    @Test func mapsMergeAndNullDeletesKey() throws {
        let result = try patched(
            #"{"metadata":{"labels":{"app":"web","tier":"front"},"annotations":{"a":"1"}}}"#,
            #"{"metadata":{"labels":{"tier":null,"env":"prod"}}}"#)
        #expect(result == (try json(#"{"metadata":{"labels":{"app":"web","env":"prod"},"annotations":{"a":"1"}}}"#)))
    }

    @Test func nullsInNewValuesAreDropped() throws {
        let result = try patched(#"{"metadata":{}}"#, #"{"metadata":{"labels":{"a":"1","b":null}},"status":null}"#)
        #expect(result == (try json(#"{"metadata":{"labels":{"a":"1"}}}"#)))
    }

    @Test func valueOfAnotherTypeReplaces() throws {
        let result = try patched(#"{"spec":{"x":"text","y":[1]}}"#, #"{"spec":{"x":{"a":1},"y":{"b":null}}}"#)
        #expect(result == (try json(#"{"spec":{"x":{"a":1},"y":{}}}"#)))
    }

    // MARK: $patch

    @Test func deleteDirectiveInListRemovesElementByMergeKey() throws {
        let result = try patched(Self.twoContainers, #"{"spec":{"containers":[{"name":"sidecar","$patch":"delete"}]}}"#)
        #expect(result["spec"]?["containers"]?.arrayValue?.map { $0["name"] } == ["app"])
    }

    @Test func replaceDirectiveInListReplacesWholeList() throws {
        let result = try patched(Self.twoContainers, #"{"spec":{"containers":[{"name":"only","image":"x"},{"$patch":"replace"}]}}"#)
        #expect(result == (try json(#"{"spec":{"containers":[{"name":"only","image":"x"}]}}"#)))
    }

    @Test func replaceDirectiveInMapReplacesMap() throws {
        let result = try patched(
            #"{"metadata":{"labels":{"a":"1","b":"2"},"name":"p"}}"#, #"{"metadata":{"labels":{"$patch":"replace","c":"3"}}}"#)
        #expect(result == (try json(#"{"metadata":{"labels":{"c":"3"},"name":"p"}}"#)))
    }

    @Test func deleteDirectiveInMapEmptiesIt() throws {
        let result = try patched(#"{"metadata":{"labels":{"a":"1"},"name":"p"}}"#, #"{"metadata":{"labels":{"$patch":"delete"}}}"#)
        #expect(result == (try json(#"{"metadata":{"labels":{},"name":"p"}}"#)))
    }

    @Test func mergeDirectiveInMapMergesAsWithout() throws {
        let result = try patched(#"{"metadata":{"labels":{"a":"1"}}}"#, #"{"metadata":{"labels":{"$patch":"merge","b":"2"}}}"#)
        #expect(result == (try json(#"{"metadata":{"labels":{"a":"1","b":"2"}}}"#)))
    }

    @Test func replaceDirectiveOnNewMapKeepsItsContent() throws {
        let result = try patched(#"{"metadata":{}}"#, #"{"metadata":{"labels":{"$patch":"replace","c":"3"}}}"#)
        #expect(result == (try json(#"{"metadata":{"labels":{"c":"3"}}}"#)))
    }

    // MARK: $setElementOrder and $retainKeys

    @Test func setElementOrderReordersContainers() throws {
        let result = try patched(
            #"{"spec":{"containers":[{"name":"a"},{"name":"b"},{"name":"c"}]}}"#,
            #"{"spec":{"$setElementOrder/containers":[{"name":"c"},{"name":"a"},{"name":"b"}]}}"#)
        #expect(result == (try json(#"{"spec":{"containers":[{"name":"c"},{"name":"a"},{"name":"b"}]}}"#)))
    }

    @Test func setElementOrderKeepsServerOnlyElementsAmongTheirOriginalNeighbours() throws {
        let result = try patched(
            #"{"metadata":{"finalizers":["a","b","x","c"]}}"#, #"{"metadata":{"$setElementOrder/finalizers":["b","a","c"]}}"#)
        #expect(result == (try json(#"{"metadata":{"finalizers":["b","a","x","c"]}}"#)))
    }

    @Test func setElementOrderWithPatchListMergesAndOrders() throws {
        let result = try patched(
            #"{"spec":{"containers":[{"name":"a","image":"1"},{"name":"b"}]}}"#,
            #"{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"new"},{"name":"a"}],"containers":[{"name":"new"},{"name":"a","image":"2"}]}}"#)
        #expect(
            result == (try json(#"{"spec":{"containers":[{"name":"b"},{"name":"new"},{"name":"a","image":"2"}]}}"#)))
    }

    @Test func setElementOrderContradictingPatchListIsRefused() throws {
        let message = try failure(
            #"{"spec":{"containers":[{"name":"a"},{"name":"b"}]}}"#,
            #"{"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"b"}],"containers":[{"name":"b"},{"name":"a"}]}}"#)
        #expect(message?.hasPrefix("spec.containers: the order in patch list") == true)
        #expect(message?.contains("doesn't match $setElementOrder list") == true)
    }

    @Test func retainKeysClearsUnlistedVolumeSource() throws {
        let result = try patched(
            #"{"spec":{"volumes":[{"name":"data","emptyDir":{}},{"name":"other","configMap":{"name":"c"}}]}}"#,
            #"{"spec":{"volumes":[{"$retainKeys":["hostPath","name"],"name":"data","hostPath":{"path":"/x"}}]}}"#)
        #expect(
            result
                == (try json(#"{"spec":{"volumes":[{"name":"data","hostPath":{"path":"/x"}},{"name":"other","configMap":{"name":"c"}}]}}"#)))
    }

    @Test func retainKeysRejectsPatchedKeyNotListed() throws {
        let message = try failure(
            #"{"spec":{"volumes":[{"name":"data","emptyDir":{}}]}}"#,
            #"{"spec":{"volumes":[{"$retainKeys":["name"],"name":"data","hostPath":{"path":"/x"}}]}}"#)
        #expect(message == #"spec.volumes[name=data]: invalid patch format of retainKeys: "hostPath" is patched but not listed in $retainKeys"#)
    }

    // MARK: Directives never leak

    @Test func directiveKeysNeverAppearInResult() throws {
        let result = try patched(
            #"{"spec":{}}"#,
            #"""
            {"spec":{"initContainers":[{"name":"init","env":[{"name":"A"},{"name":"gone","$patch":"delete"}],
              "$setElementOrder/env":[{"name":"A"}],"$deleteFromPrimitiveList/args":["x"],
              "resources":{"$retainKeys":["limits"],"limits":{"cpu":"1"}}}],
              "$setElementOrder/volumes":[{"name":"v"}]}}
            """#)
        #expect(!result.serialized().contains("$"), "\(result.serialized())")
        #expect(
            result == (try json(#"{"spec":{"initContainers":[{"name":"init","env":[{"name":"A"}],"resources":{"limits":{"cpu":"1"}}}]}}"#)))
    }

    @Test func directivesInAppendedElementsAreApplied() throws {
        let result = try patched(
            #"{"spec":{"containers":[{"name":"a"}]}}"#,
            #"{"spec":{"containers":[{"name":"b","resources":{"$patch":"replace","limits":{"cpu":"1"}},"ports":[{"containerPort":1,"$patch":"delete"}]}]}}"#)
        #expect(result == (try json(#"{"spec":{"containers":[{"name":"b","resources":{"limits":{"cpu":"1"}},"ports":[]},{"name":"a"}]}}"#)))
    }

    // MARK: Refused patches

    @Test(arguments: [
        (#"{"metadata":{"labels":{"$patch":"frob"}}}"#, #"metadata.labels: unknown patch type: "frob" in map: {"$patch":"frob"}"#),
        (#"{"spec":{"containers":[{"name":"app","$patch":"merge"}]}}"#, "spec.containers: merging lists cannot yet be specified in the patch"),
        (#"{"spec":{"containers":[{"image":"x"}]}}"#, #"spec.containers: map: {"image":"x"} does not contain declared merge key: name"#),
        (#"{"spec":{"containers":[{"$patch":"delete"}]}}"#, #"spec.containers: map: {"$patch":"delete"} does not contain declared merge key: name"#),
        (#"{"metadata":{"$deleteFromPrimitiveListfinalizers":["a"]}}"#,
         "metadata: invalid patch format of primitive list: $deleteFromPrimitiveListfinalizers must be $deleteFromPrimitiveList/<field>"),
        (#"{"metadata":{"$setElementOrder/finalizers":"a"}}"#, "metadata: invalid patch format of setElementOrder list: $setElementOrder/finalizers must be a list"),
        (#"{"spec":{"$retainKeys":"name"}}"#, "spec: invalid patch format of retainKeys: $retainKeys must be a list of keys"),
        (#"{"metadata":{"finalizers":[["a"]]}}"#, "metadata.finalizers: lists of lists are not supported"),
        (#"{"metadata":{"finalizers":[1]}}"#, #"metadata.finalizers: list element types are not identical: ["x"] and [1]"#),
    ])
    func badDirectiveIsRefusedWithClearMessage(patch: String, message: String) throws {
        let pod = #"{"metadata":{"labels":{"a":"1"},"finalizers":["x"]},"spec":{"containers":[{"name":"app"}]}}"#
        #expect(try failure(pod, patch) == message)
    }

    @Test func patchAndObjectMustBeObjects() throws {
        #expect(try failure("{}", "[]") == "a strategic merge patch must be a JSON object")
        #expect(try failure("[]", "{}") == "a strategic merge patch applies only to a JSON object")
    }

    @Test func serverSideApplyIsRefused() throws {
        #expect(throws: PatchError.self) { try applyPatch(.apply, json("{}"), to: json("{}"), schema: nil) }
    }

    @Test func kindRawValuesAreMediaTypes() {
        #expect(PatchKind(rawValue: "application/strategic-merge-patch+json") == .strategicMerge)
        #expect(PatchKind(rawValue: "application/json-patch+json") == .json)
        #expect(PatchKind(rawValue: "application/merge-patch+json") == .merge)
        #expect(PatchKind(rawValue: "application/apply-patch+yaml") == .apply)
    }
}
