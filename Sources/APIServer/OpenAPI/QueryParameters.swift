/// The parameters of the generic handlers, with upstream's descriptions (shortened), grouped
/// by the operations that take them.
enum QueryParameters {
    static let pretty = APIParameter(name: "pretty", location: .query, type: .string,
        description: "If 'true', then the output is pretty printed.")

    static func name(of kind: String) -> APIParameter {
        APIParameter(name: "name", location: .path, type: .string, description: "name of the \(kind)", required: true)
    }

    static let namespace = APIParameter(name: "namespace", location: .path, type: .string,
        description: "object name and auth scope, such as for teams and projects", required: true)

    static let dryRun = APIParameter(name: "dryRun", location: .query, type: .string, description: """
        When present, indicates that modifications should not be persisted. An invalid or unrecognized \
        dryRun directive will result in an error response and no further processing of the request. \
        Valid values are: - All: all dry run stages will be processed
        """)
    static let fieldManager = APIParameter(name: "fieldManager", location: .query, type: .string, description: """
        fieldManager is a name associated with the actor or entity that is making these changes.
        """)
    /// kubectl sends `--validate=strict` to the server (instead of validating on the client)
    /// only where the kind's operations list this parameter.
    static let fieldValidation = APIParameter(name: "fieldValidation", location: .query, type: .string, description: """
        fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) \
        containing unknown or duplicate fields. Valid values are: - Ignore: This will ignore any unknown \
        fields that are silently dropped from the object, and will ignore all but the last duplicate \
        field that the decoder encounters. - Warn: This will send a warning via the standard warning \
        response header for each unknown field that is dropped from the object, and for each duplicate \
        field that is encountered. - Strict: This will fail the request with a BadRequest error if any \
        unknown fields would be dropped from the object, or if any duplicate fields are present.
        """)
    static let force = APIParameter(name: "force", location: .query, type: .boolean, description: """
        Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned \
        by other people. Force flag must be unset for non-apply patch requests.
        """)

    static let allowWatchBookmarks = APIParameter(name: "allowWatchBookmarks", location: .query, type: .boolean,
        description: "allowWatchBookmarks requests watch events with type \"BOOKMARK\".")
    static let continueToken = APIParameter(name: "continue", location: .query, type: .string,
        description: "The continue option should be set when retrieving more results from the server.")
    static let fieldSelector = APIParameter(name: "fieldSelector", location: .query, type: .string,
        description: "A selector to restrict the list of returned objects by their fields. Defaults to everything.")
    static let labelSelector = APIParameter(name: "labelSelector", location: .query, type: .string,
        description: "A selector to restrict the list of returned objects by their labels. Defaults to everything.")
    static let limit = APIParameter(name: "limit", location: .query, type: .integer,
        description: "limit is a maximum number of responses to return for a list call.")
    static let resourceVersion = APIParameter(name: "resourceVersion", location: .query, type: .string,
        description: "resourceVersion sets a constraint on what resource versions a request may be served from.")
    static let resourceVersionMatch = APIParameter(name: "resourceVersionMatch", location: .query, type: .string,
        description: "resourceVersionMatch determines how resourceVersion is applied to list calls.")
    static let sendInitialEvents = APIParameter(name: "sendInitialEvents", location: .query, type: .boolean,
        description: "`sendInitialEvents=true` may be set together with `watch=true`.")
    static let timeoutSeconds = APIParameter(name: "timeoutSeconds", location: .query, type: .integer,
        description: "Timeout for the list/watch call.")
    static let watch = APIParameter(name: "watch", location: .query, type: .boolean,
        description: "Watch for changes to the described resources and return them as a stream of add, update, and remove notifications.")

    static let gracePeriodSeconds = APIParameter(name: "gracePeriodSeconds", location: .query, type: .integer,
        description: "The duration in seconds before the object should be deleted.")
    static let ignoreStoreReadError = APIParameter(name: "ignoreStoreReadErrorWithClusterBreakingPotential",
        location: .query, type: .boolean,
        description: "if set to true, it will trigger an unsafe deletion of the resource in case the normal deletion flow fails with a corrupt object error.")
    static let orphanDependents = APIParameter(name: "orphanDependents", location: .query, type: .boolean,
        description: "Deprecated: please use the PropagationPolicy.")
    static let propagationPolicy = APIParameter(name: "propagationPolicy", location: .query, type: .string,
        description: "Whether and how garbage collection will be performed: 'Orphan', 'Background' or 'Foreground'.")

    /// list and watch.
    static let list = [allowWatchBookmarks, continueToken, fieldSelector, labelSelector, limit,
                       resourceVersion, resourceVersionMatch, sendInitialEvents, timeoutSeconds, watch]
    /// create and replace.
    static let write = [dryRun, fieldManager, fieldValidation]
    static let patch = [dryRun, fieldManager, fieldValidation, force]
    static let delete = [dryRun, gracePeriodSeconds, ignoreStoreReadError, orphanDependents, propagationPolicy]
    static let deleteCollection = [continueToken, dryRun, fieldSelector, gracePeriodSeconds, ignoreStoreReadError,
                                   labelSelector, limit, orphanDependents, propagationPolicy, resourceVersion,
                                   resourceVersionMatch, sendInitialEvents, timeoutSeconds]

    static let log: [APIParameter] = [
        APIParameter(name: "container", location: .query, type: .string, description: "The container for which to stream logs."),
        APIParameter(name: "follow", location: .query, type: .boolean, description: "Follow the log stream of the pod."),
        APIParameter(name: "insecureSkipTLSVerifyBackend", location: .query, type: .boolean,
                     description: "insecureSkipTLSVerifyBackend indicates that the apiserver should not confirm the validity of the serving certificate of the backend it is connecting to."),
        APIParameter(name: "limitBytes", location: .query, type: .integer, description: "If set, the number of bytes to read from the server before terminating the log output."),
        APIParameter(name: "previous", location: .query, type: .boolean, description: "Return previous terminated container logs."),
        APIParameter(name: "sinceSeconds", location: .query, type: .integer, description: "A relative time in seconds before the current time from which to show logs."),
        APIParameter(name: "tailLines", location: .query, type: .integer, description: "If set, the number of lines from the end of the logs to show."),
        APIParameter(name: "timestamps", location: .query, type: .boolean, description: "If true, add an RFC3339 or RFC3339Nano timestamp at the beginning of every line of log output."),
    ]
    static let exec: [APIParameter] = [
        APIParameter(name: "command", location: .query, type: .string, description: "Command is the remote command to execute. argv array."),
        APIParameter(name: "container", location: .query, type: .string, description: "Container in which to execute the command."),
        APIParameter(name: "stderr", location: .query, type: .boolean, description: "Redirect the standard error stream of the pod for this call."),
        APIParameter(name: "stdin", location: .query, type: .boolean, description: "Redirect the standard input stream of the pod for this call."),
        APIParameter(name: "stdout", location: .query, type: .boolean, description: "Redirect the standard output stream of the pod for this call."),
        APIParameter(name: "tty", location: .query, type: .boolean, description: "TTY if true indicates that a tty will be allocated for the exec call."),
    ]
}
