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
    /// Scale or a Status; a watch as length-delimited WatchEvent frames. Anything else (a
    /// Table) has no protobuf form here: 406.
    static func response(_ response: APIResponse, resource: ServedResource?) -> APIResponse {
        switch response.body {
        case .bytes(let bytes):
            guard response.contentType.hasPrefix("application/json"), let value = try? JSONValue.parse(bytes) else {
                return .error(.notAcceptable("this response is only available as \(response.contentType)"))
            }
            do {
                return APIResponse(status: response.status, contentType: mediaType, headers: response.headers,
                                   body: .bytes(try envelope(value, resource: resource)))
            } catch {
                return .error(error)
            }
        case .watch(let events, let encode, let failure):
            guard resource != nil else { return .error(.notAcceptable("this watch is only available as JSON")) }
            // Upstream's streaming form: length-delimited raw WatchEvent messages.
            // An event without a protobuf form is sent as an ERROR event in its place, never dropped.
            let frame: @Sendable ([UInt8]) -> [UInt8] = { line in
                do throws(APIError) {
                    guard let event = try? JSONValue.parse(line), let type = event["type"]?.stringValue,
                          let object = event["object"] else {
                        throw .internalError("a watch event could not be read back for protobuf encoding")
                    }
                    return ProtobufWatchEvent(type: type, object: try envelope(object, resource: resource)).framed
                } catch {
                    return ProtobufWatchEvent(type: "ERROR", object: (try? envelope(error.status, resource: nil)) ?? []).framed
                }
            }
            return APIResponse(status: response.status, contentType: mediaType + ";stream=watch", headers: response.headers,
                               body: .watch(events, encode: { frame(encode($0)) }, failure: { frame(failure($0)) }))
        }
    }

    /// `value` in its envelope, typed by its kind.
    static func envelope(_ value: JSONValue, resource: ServedResource?) throws(APIError) -> [UInt8] {
        guard let kind = value["kind"]?.stringValue, let apiVersion = value["apiVersion"]?.stringValue else {
            throw .notAcceptable("this response has no kind and is only available as application/json")
        }
        let type: (any SchemaDescribing.Type)?
        var isList = false
        switch kind {
        case resource?.kind: type = resource?.objectType
        case (resource?.kind ?? "") + "List": (type, isList) = (resource?.objectType, true)
        case "Status": type = OpenAPIMetaTypes.Status.self
        case "Scale": type = OpenAPIMetaTypes.Scale.self
        case "TokenRequest": type = OpenAPIMetaTypes.TokenRequest.self
        default: type = nil
        }
        guard let type else { throw .notAcceptable("\(kind) is only available as application/json") }
        do throws(ProtobufError) {
            let raw = isList ? try ProtobufEncoder.encodeList(value, itemType: type) : try ProtobufEncoder.encode(value, as: type)
            return KubernetesProtobufEnvelope(apiVersion: apiVersion, kind: kind, raw: raw).encoded
        } catch {
            throw .internalError("encoding \(kind) as protobuf: \(error)")
        }
    }

    /// `Deployment` for `io.k8s.api.apps.v1.Deployment`.
    static func kindName(of type: any SchemaDescribing.Type) -> String {
        type.schema.definitionName?.split(separator: ".").last.map(String.init) ?? "\(type)"
    }
}
