import Resources

/// Types the documents reference that the model does not declare: the request and response
/// bodies of the generic handlers and of subresources. Only their schemas are used; the
/// handlers build these bodies as JSON.
enum OpenAPIMetaTypes {
    /// Status is a return value for calls that don't return other objects.
    @APIObject(.meta)
    struct Status {
        /// APIVersion defines the versioned schema of this representation of an object.
        var apiVersion: String?
        /// Kind is a string value representing the REST resource this object represents.
        var kind: String?
        /// Standard list metadata.
        var metadata: ListMeta?
        /// Status of the operation. One of: "Success" or "Failure".
        var status: String?
        /// A human-readable description of the status of this operation.
        var message: String?
        /// A machine-readable description of why this operation is in the "Failure" status.
        var reason: String?
        /// Extended data associated with the reason.
        var details: StatusDetails?
        /// Suggested HTTP return code for this status, 0 if not set.
        var code: Int32?
    }

    /// StatusDetails is a set of additional properties that MAY be set by the server to
    /// provide additional information about a response.
    @APIObject(.meta)
    struct StatusDetails {
        /// The name attribute of the resource associated with the status StatusReason.
        var name: String?
        /// The group attribute of the resource associated with the status StatusReason.
        var group: String?
        /// The kind attribute of the resource associated with the status StatusReason.
        var kind: String?
        /// UID of the resource.
        var uid: String?
        /// The Causes array includes more details associated with the StatusReason failure.
        @ListType("atomic")
        var causes: [StatusCause] = []
        /// If specified, the time in seconds before the operation should be retried.
        var retryAfterSeconds: Int32?
    }

    /// StatusCause provides more information about an api.Status failure, including cases
    /// when multiple errors are encountered.
    @APIObject(.meta)
    struct StatusCause {
        /// A machine-readable description of the cause of the error.
        var reason: String?
        /// A human-readable description of the cause of the error.
        var message: String?
        /// The field of the resource that has caused this error, as named by its JSON serialization.
        var field: String?
    }

    /// DeleteOptions may be provided when deleting an API object.
    @APIObject(.meta)
    struct DeleteOptions {
        /// APIVersion defines the versioned schema of this representation of an object.
        var apiVersion: String?
        /// Kind is a string value representing the REST resource this object represents.
        var kind: String?
        /// When present, indicates that modifications should not be persisted. The only valid
        /// value is "All".
        @ListType("atomic")
        var dryRun: [String] = []
        /// The duration in seconds before the object should be deleted.
        var gracePeriodSeconds: Int64?
        /// If set to true, it will trigger an unsafe deletion of the resource in case the
        /// normal deletion flow fails with a corrupt object error.
        var ignoreStoreReadErrorWithClusterBreakingPotential: Bool?
        /// Deprecated: please use the PropagationPolicy.
        var orphanDependents: Bool?
        /// Must be fulfilled before a deletion is carried out.
        var preconditions: Preconditions?
        /// Whether and how garbage collection will be performed: 'Orphan', 'Background' or
        /// 'Foreground'.
        var propagationPolicy: String?
    }

    /// Preconditions must be fulfilled before an operation (update, delete, etc.) is carried out.
    @APIObject(.meta)
    struct Preconditions {
        /// Specifies the target ResourceVersion.
        var resourceVersion: String?
        /// Specifies the target UID.
        var uid: String?
    }

    /// Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.
    @APIObject(.meta)
    struct Patch {}

    /// Event represents a single event to a watched resource.
    @APIObject(.meta)
    struct WatchEvent {
        /// ADDED, MODIFIED, DELETED, BOOKMARK or ERROR.
        var type: String
        /// The object: for ADDED and MODIFIED, the new state; for DELETED, the state before
        /// deletion; for ERROR, a Status.
        var object: JSONValue
    }

    /// Scale represents a scaling request for a resource.
    @APIObject(.autoscaling)
    struct Scale {
        /// APIVersion defines the versioned schema of this representation of an object.
        var apiVersion: String?
        /// Kind is a string value representing the REST resource this object represents.
        var kind: String?
        /// Standard object metadata.
        var metadata: ObjectMeta?
        /// Defines the behavior of the scale.
        var spec: ScaleSpec?
        /// The current status of the scale. Read-only.
        var status: ScaleStatus?
    }

    /// ScaleSpec describes the attributes of a scale subresource.
    @APIObject(.autoscaling)
    struct ScaleSpec {
        /// The desired number of instances for the scaled object.
        var replicas: Int32?
    }

    /// ScaleStatus represents the current status of a scale subresource.
    @APIObject(.autoscaling)
    struct ScaleStatus {
        /// The actual number of observed instances of the scaled object.
        var replicas: Int32
        /// The label query over pods that should match the replicas count, in string form.
        var selector: String?
    }

    /// Binding ties one object to another; for example, a pod is bound to a node by a scheduler.
    @APIObject(.core)
    struct Binding {
        /// APIVersion defines the versioned schema of this representation of an object.
        var apiVersion: String?
        /// Kind is a string value representing the REST resource this object represents.
        var kind: String?
        /// Standard object's metadata.
        var metadata: ObjectMeta?
        /// The target object that you want to bind to the standard object.
        var target: ObjectReference
    }

    /// Eviction evicts a pod from its node subject to certain policies and safety constraints.
    @APIObject(.policy)
    struct Eviction {
        /// APIVersion defines the versioned schema of this representation of an object.
        var apiVersion: String?
        /// Kind is a string value representing the REST resource this object represents.
        var kind: String?
        /// ObjectMeta describes the pod that is being evicted.
        var metadata: ObjectMeta?
        /// DeleteOptions may be provided.
        var deleteOptions: DeleteOptions?
    }

    /// TokenRequest requests a token for a given service account.
    @APIObject(.authentication)
    struct TokenRequest {
        /// APIVersion defines the versioned schema of this representation of an object.
        var apiVersion: String?
        /// Kind is a string value representing the REST resource this object represents.
        var kind: String?
        /// Standard object's metadata.
        var metadata: ObjectMeta?
        /// Spec holds information about the request being evaluated.
        var spec: TokenRequestSpec
        /// Status is filled in by the server and indicates whether the token can be authenticated.
        var status: TokenRequestStatus?
    }

    /// TokenRequestSpec contains client provided parameters of a token request.
    @APIObject(.authentication)
    struct TokenRequestSpec {
        /// Audiences are the intended audiences of the token; the API server's when empty.
        @ListType("atomic")
        var audiences: [String] = []
        /// ExpirationSeconds is the requested duration of validity of the request.
        var expirationSeconds: Int64?
        /// BoundObjectRef is a reference to an object that the token will be bound to.
        var boundObjectRef: BoundObjectReference?
    }

    /// BoundObjectReference is a reference to an object that a token is bound to.
    @APIObject(.authentication)
    struct BoundObjectReference {
        /// Kind of the referent. Valid kinds are 'Pod' and 'Secret'.
        var kind: String?
        /// API version of the referent.
        var apiVersion: String?
        /// Name of the referent.
        var name: String?
        /// UID of the referent.
        var uid: String?
    }

    /// TokenRequestStatus is the result of a token request.
    @APIObject(.authentication)
    struct TokenRequestStatus {
        /// Token is the opaque bearer token.
        var token: String
        /// ExpirationTimestamp is the time of expiration of the returned token.
        var expirationTimestamp: Time
    }
}
