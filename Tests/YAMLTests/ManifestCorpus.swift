/// Real-world manifest shapes the YAML tests read, written here so the tests own them.
enum ManifestCorpus {
    /// A Deployment with probes, resources and env; `image` is on line 22, column 18.
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          labels:
            app.kubernetes.io/name: web
            tier: frontend
        spec:
          replicas: 3
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: web
                  # the pinned release
                  image: nginx:1.27.3
                  ports:
                    - containerPort: 8080
                      name: http
                  env:
                    - name: LOG_LEVEL
                      value: debug
                    - name: WORKERS
                      value: "4"
                  resources:
                    requests:
                      cpu: 100m
                      memory: 128Mi
                    limits:
                      memory: 256Mi
                  readinessProbe:
                    httpGet:
                      path: /healthz
                      port: http
                    initialDelaySeconds: 5
                    periodSeconds: 10
                  livenessProbe:
                    tcpSocket:
                      port: 8080
                    failureThreshold: 3

        """

    /// Service, Deployment and ConfigMap in one file; the ConfigMap has a literal block.
    static let multiDocument = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
          - port: 80
            targetPort: http
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: web-config
        data:
          nginx.conf: |
            server {
              listen 8080;
              location / { return 200 "ok"; }
            }
          trimmed: |-
            no trailing newline
          folded: >
            one
            line

        """

    /// `helm template` output: source comments, empty documents, a trailing `---`.
    static let helmRendered = """
        ---
        # Source: web/templates/serviceaccount.yaml
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: release-web
        ---
        # Source: web/templates/hpa.yaml
        # autoscaling disabled
        ---
        # Source: web/templates/service.yaml
        apiVersion: v1
        kind: Service
        metadata:
          name: release-web
          labels:
            helm.sh/chart: web-0.1.0
        spec:
          type: ClusterIP
          ports:
            - port: 80
              targetPort: http
              protocol: TCP
              name: http
        ---
        ---
        # Source: web/templates/tests/test-connection.yaml
        apiVersion: v1
        kind: Pod
        metadata:
          name: "release-web-test-connection"
          annotations:
            "helm.sh/hook": test
        spec:
          restartPolicy: Never
        ---

        """

    /// Strings that look like numbers or booleans, quoted and not.
    static let lookalikes = """
        version: "1.10"
        unquotedVersion: 1.10
        enabled: "true"
        port: "8080"
        on: yes
        zip: 01234
        nothing: "null"
        tilde: "~"
        empty: ""
        hex: "0x1F"
        when: 2024-01-02

        """

    /// Anchors, aliases and merge keys, as CI and Compose-style files use them.
    static let anchors = """
        defaults: &defaults
          image: busybox
          imagePullPolicy: IfNotPresent
          resources: &res
            limits: {memory: 64Mi}
        sidecar: &sidecar
          name: log
          image: fluent-bit
        containers:
          - <<: *defaults
            name: main
            image: busybox:1.36
          - *sidecar
          - <<: [*sidecar, *defaults]
            name: log2
        shared: *res

        """

    static let all: [(name: String, text: String)] = [
        ("deployment", deployment),
        ("multiDocument", multiDocument),
        ("helmRendered", helmRendered),
        ("lookalikes", lookalikes),
        ("anchors", anchors),
    ]
}
