/// core/v1 DownwardAPIVolumeSource: pod fields and container resources as files.
@APIObject(.core)
public struct DownwardAPIVolumeSource {
    @ListType("atomic")
    public var items: [DownwardAPIVolumeFile] = []
    public var defaultMode: Int32?
}

/// core/v1 DownwardAPIVolumeFile: one file holding a pod field or a container resource.
@APIObject(.core)
public struct DownwardAPIVolumeFile {
    public var path: String = ""
    public var fieldRef: ObjectFieldSelector?
    public var resourceFieldRef: ResourceFieldSelector?
    public var mode: Int32?
}
