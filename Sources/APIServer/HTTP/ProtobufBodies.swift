import Resources

/// `application/vnd.kubernetes.protobuf` in and out. A protobuf body is opened, decoded as the
/// endpoint's type into the JSON form, and from there takes the JSON path. A client that
/// accepts nothing but protobuf gets the JSON answer re-encoded as protobuf.
enum ProtobufBodies {
    static let mediaType = "application/vnd.kubernetes.protobuf"

    /// The JSON form of a protobuf body that must hold a `type` object.
    static func decode(_ body: [UInt8], as type: any SchemaDescribing.Type) throws(APIError) -> JSONValue {
        let envelope: KubernetesProtobufEnvelope
        do { envelope = try KubernetesProtobufEnvelope(decoding: body) } catch {
            throw APIError.badRequest("the body of the request is not a valid protobuf object: \(error)")
        }
        let expected = kindName(of: type)
        guard envelope.kind.isEmpty || envelope.kind == expected else {
            throw APIError.badRequest("the kind in the data (\(envelope.kind)) does not match the expected kind (\(expected))")
        }
        var object: JSONValue
        do { object = try ProtobufDecoder.decode(envelope.raw, as: type) } catch {
            throw APIError.badRequest("the body of the request is not a valid protobuf \(expected): \(error)")
        }
        if !envelope.apiVersion.isEmpty { object["apiVersion"] = .string(envelope.apiVersion) }
        if !envelope.kind.isEmpty { object["kind"] = .string(envelope.kind) }
        return object
    }

    /// Whether every media range the client accepts is protobuf.
    static func acceptsOnlyProtobuf(_ accept: String) -> Bool {
        let ranges = accept.split(separator: ",").map {
            $0.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        }.filter { !$0.isEmpty }
        return !ranges.isEmpty && ranges.allSatisfy { $0 == mediaType }
    }

    /// The response re-encoded as protobuf: an object of the resource's kind, a list of it, a
    /// Scale or a Status. Anything else (a watch, a Table) has no protobuf form here: 406.
    static func response(_ response: APIResponse, resource: ServedResource?) -> APIResponse {
        guard case .bytes(let bytes) = response.body, response.contentType.hasPrefix("application/json"),
              let value = try? JSONValue.parse(bytes), let kind = value["kind"]?.stringValue,
              let apiVersion = value["apiVersion"]?.stringValue else {
            return .error(.notAcceptable("this response is only available as application/json"))
        }
        do throws(ProtobufError) {
            let raw: [UInt8]
            let objectType = resource?.schemaType
            if let resource, let objectType, kind == resource.kind {
                raw = try ProtobufEncoder.encode(value, as: objectType)
            } else if let resource, let objectType, kind == resource.kind + "List" {
                raw = try ProtobufEncoder.encodeList(value, itemType: objectType)
            } else if kind == "Status" {
                raw = try ProtobufEncoder.encode(value, as: OpenAPIMetaTypes.Status.self)
            } else if kind == "Scale" {
                raw = try ProtobufEncoder.encode(value, as: OpenAPIMetaTypes.Scale.self)
            } else {
                return .error(.notAcceptable("\(kind) is only available as application/json"))
            }
            let envelope = KubernetesProtobufEnvelope(apiVersion: apiVersion, kind: kind, raw: raw)
            return APIResponse(status: response.status, contentType: mediaType, headers: response.headers,
                               body: .bytes(envelope.encoded))
        } catch {
            return .error(.internalError("encoding \(kind) as protobuf: \(error)"))
        }
    }

    /// `Deployment` for `io.k8s.api.apps.v1.Deployment`.
    static func kindName(of type: any SchemaDescribing.Type) -> String {
        type.schema.definitionName?.split(separator: ".").last.map(String.init) ?? "\(type)"
    }
}
