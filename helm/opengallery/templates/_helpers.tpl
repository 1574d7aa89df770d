{{/*
Chart name, overridable with nameOverride.
*/}}
{{- define "opengallery.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name (release-scoped), truncated to the 63 characters DNS names allow.
*/}}
{{- define "opengallery.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "opengallery.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Selector labels (immutable on a Deployment: keep them minimal).
*/}}
{{- define "opengallery.selectorLabels" -}}
app.kubernetes.io/name: {{ include "opengallery.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Standard labels put on every object.
*/}}
{{- define "opengallery.labels" -}}
helm.sh/chart: {{ include "opengallery.chart" . }}
{{ include "opengallery.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Image reference: <repository>:<tag>-<flavor>, tag defaulting to the chart appVersion.
*/}}
{{- define "opengallery.image" -}}
{{- $flavor := include "opengallery.flavor" . }}
{{- $tag := .Values.image.tag | default .Chart.AppVersion | toString }}
{{- printf "%s:%s-%s" .Values.image.repository $tag $flavor }}
{{- end }}

{{/*
Validated image flavor (jvm or native); by default jvm for a Deployment, native for Knative.
*/}}
{{- define "opengallery.flavor" -}}
{{- $flavor := .Values.image.flavor | default (ternary "native" "jvm" (eq (include "opengallery.mode" .) "knative")) | toString }}
{{- if not (has $flavor (list "jvm" "native")) }}
{{- fail (printf "image.flavor must be \"jvm\" or \"native\", got %q" $flavor) }}
{{- end }}
{{- $flavor }}
{{- end }}

{{/*
OIDC server URL; rendering fails with a clear message when it is not set.
*/}}
{{- define "opengallery.oidcAuthServerUrl" -}}
{{- required "oidc.authServerUrl is required: set it to the OIDC issuer/realm URL, e.g. --set oidc.authServerUrl=https://keycloak.example.com/realms/opengallery" .Values.oidc.authServerUrl }}
{{- end }}

{{/*
Name of the Secret the chart creates (database credentials and/or OIDC client secret).
*/}}
{{- define "opengallery.secretName" -}}
{{- include "opengallery.fullname" . }}
{{- end }}

{{/*
"true" when the chart has to create its own Secret.
*/}}
{{- define "opengallery.createSecret" -}}
{{- if or (not .Values.database.existingSecret) (and .Values.oidc.clientSecret (not .Values.oidc.existingSecret)) (not .Values.apps.existingSecret) (include "opengallery.schedulerSecretInChart" .) }}true{{- end }}
{{- end }}

{{/*
"true" when the scheduler client's secret is kept in the chart's Secret (external triggers without an existing one).
*/}}
{{- define "opengallery.schedulerSecretInChart" -}}
{{- if and (eq (include "opengallery.jobsTrigger" .) "external") (not .Values.jobs.scheduler.existingSecret) }}
{{- $_ := required "jobs.scheduler.clientSecret (the secret of the scheduler client) or jobs.scheduler.existingSecret is required when jobs are triggered externally" .Values.jobs.scheduler.clientSecret }}true
{{- end }}
{{- end }}

{{/*
Comma-separated CORS origins (accepts a string or a list).
*/}}
{{- define "opengallery.corsOrigins" -}}
{{- $origins := .Values.cors.origins }}
{{- if kindIs "slice" $origins }}
{{- join "," $origins }}
{{- else if $origins }}
{{- $origins | toString | trim }}
{{- end }}
{{- end }}

{{/*
The container's environment, shared by the Deployment, the Knative Service and the migration Job.
*/}}
{{- define "opengallery.env" -}}
{{- if eq (include "opengallery.flavor" .) "jvm" }}
{{- $knative := eq (include "opengallery.mode" .) "knative" }}
- name: JAVA_OPTS_APPEND
  value: {{ .Values.jvm.options | default (ternary "-XX:MaxRAMPercentage=75 -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xms32m" "-XX:MaxRAMPercentage=75" $knative) | quote }}
{{- with .Values.jvm.gc | default (ternary "-XX:+UseSerialGC" "" $knative) }}
- name: GC_CONTAINER_OPTIONS
  value: {{ . | quote }}
{{- end }}
{{- end }}
- name: QUARKUS_DATASOURCE_REACTIVE_URL
  value: {{ printf "postgresql://%s:%v/%s" .Values.database.host .Values.database.port .Values.database.name | quote }}
- name: QUARKUS_DATASOURCE_JDBC_URL
  value: {{ printf "jdbc:postgresql://%s:%v/%s" .Values.database.host .Values.database.port .Values.database.name | quote }}
{{- if .Values.database.existingSecret }}
- name: QUARKUS_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.secretKeys.username }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.secretKeys.password }}
{{- else }}
- name: QUARKUS_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ include "opengallery.secretName" . }}
      key: database-username
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "opengallery.secretName" . }}
      key: database-password
{{- end }}
- name: QUARKUS_OIDC_AUTH_SERVER_URL
  value: {{ include "opengallery.oidcAuthServerUrl" . | quote }}
- name: QUARKUS_OIDC_CLIENT_ID
  value: {{ .Values.oidc.clientId | quote }}
{{- if .Values.oidc.existingSecret }}
- name: QUARKUS_OIDC_CREDENTIALS_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .Values.oidc.existingSecret }}
      key: {{ .Values.oidc.existingSecretKey }}
{{- else if .Values.oidc.clientSecret }}
- name: QUARKUS_OIDC_CREDENTIALS_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "opengallery.secretName" . }}
      key: oidc-client-secret
{{- end }}
- name: OPENGALLERY_APPS_ENCRYPTION_KEY
  valueFrom:
    secretKeyRef:
      {{- if .Values.apps.existingSecret }}
      name: {{ .Values.apps.existingSecret }}
      key: {{ .Values.apps.existingSecretKey }}
      {{- else }}
      name: {{ include "opengallery.secretName" . }}
      key: apps-encryption-key
      {{- end }}
{{- if eq (.Values.search.engine | default "postgresql") "opensearch" }}
- name: OPENGALLERY_SEARCH_ENGINE
  value: opensearch
- name: OPENGALLERY_SEARCH_OPENSEARCH_URL
  value: {{ required "search.opensearch.url is required with search.engine=opensearch" .Values.search.opensearch.url | quote }}
- name: OPENGALLERY_SEARCH_OPENSEARCH_INDEX_PREFIX
  value: {{ .Values.search.opensearch.indexPrefix | quote }}
{{- with .Values.search.opensearch.existingSecret }}
- name: OPENGALLERY_SEARCH_OPENSEARCH_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $.Values.search.opensearch.secretKeys.username }}
- name: OPENGALLERY_SEARCH_OPENSEARCH_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $.Values.search.opensearch.secretKeys.password }}
{{- end }}
{{- else if ne (.Values.search.engine | default "postgresql") "postgresql" }}
{{- fail (printf "search.engine must be postgresql or opensearch (got %s)" .Values.search.engine) }}
{{- end }}
{{- if (include "opengallery.corsOrigins" .) }}
- name: OG_CORS_ORIGINS
  value: {{ (include "opengallery.corsOrigins" .) | quote }}
{{- end }}
{{- with .Values.extraEnv }}
{{- toYaml . | nindent 0 }}
{{- end }}
{{- if eq (include "opengallery.jobsTrigger" .) "external" }}
- name: OPENGALLERY_JOBS_TRIGGER
  value: external
{{- end }}
{{- end }}

{{/*
The service's own settings on top of the shared environment: migrations at start or not. When the hook Job migrates,
it has also checked the database (Flyway refuses a PostgreSQL it does not support) before any pod starts, so the
service skips Hibernate's start-time version check, a database round trip on the cold-start path.
*/}}
{{- define "opengallery.serverEnv" -}}
{{ include "opengallery.env" . }}
{{- if eq (include "opengallery.migrationsMode" .) "job" }}
- name: QUARKUS_FLYWAY_MIGRATE_AT_START
  value: "false"
- name: QUARKUS_HIBERNATE_ORM_DATABASE_VERSION_CHECK_ENABLED
  value: "false"
{{- end }}
{{- end }}

{{/*
Startup, liveness and readiness probes on the Quarkus health endpoints.
*/}}
{{- define "opengallery.probes" -}}
startupProbe:
  httpGet:
    path: /q/health/started
    port: http
  periodSeconds: {{ .Values.probes.startup.periodSeconds }}
  timeoutSeconds: {{ .Values.probes.startup.timeoutSeconds }}
  failureThreshold: {{ .Values.probes.startup.failureThreshold }}
livenessProbe:
  httpGet:
    path: /q/health/live
    port: http
  periodSeconds: {{ .Values.probes.liveness.periodSeconds }}
  timeoutSeconds: {{ .Values.probes.liveness.timeoutSeconds }}
  failureThreshold: {{ .Values.probes.liveness.failureThreshold }}
readinessProbe:
  httpGet:
    path: /q/health/ready
    port: http
  periodSeconds: {{ .Values.probes.readiness.periodSeconds }}
  timeoutSeconds: {{ .Values.probes.readiness.timeoutSeconds }}
  failureThreshold: {{ .Values.probes.readiness.failureThreshold }}

{{- end }}

{{/*
Deployment mode: "deployment" (always on) or "knative" (scales to zero).
*/}}
{{- define "opengallery.mode" -}}
{{- $mode := .Values.deploy.mode | default "deployment" | toString }}
{{- if not (has $mode (list "deployment" "knative")) }}
{{- fail (printf "deploy.mode must be \"deployment\" or \"knative\", got %q" $mode) }}
{{- end }}
{{- $mode }}
{{- end }}

{{/*
How the time rules are triggered: "internal" (the service's timers) or "external" (one CronJob per job).
Defaults to internal for a Deployment and external for Knative (a service scaled to zero runs no timer).
*/}}
{{- define "opengallery.jobsTrigger" -}}
{{- $default := ternary "external" "internal" (eq (include "opengallery.mode" .) "knative") }}
{{- $trigger := .Values.jobs.trigger | default $default | toString }}
{{- if not (has $trigger (list "internal" "external")) }}
{{- fail (printf "jobs.trigger must be \"internal\" or \"external\", got %q" $trigger) }}
{{- end }}
{{- $trigger }}
{{- end }}

{{/*
Where migrations run: "start" (the service, as it starts) or "job" (a pre-install/pre-upgrade hook Job).
Defaults to start for a Deployment and job for Knative (off the cold-start path).
*/}}
{{- define "opengallery.migrationsMode" -}}
{{- $default := ternary "job" "start" (eq (include "opengallery.mode" .) "knative") }}
{{- $mode := .Values.migrations.mode | default $default | toString }}
{{- if not (has $mode (list "start" "job")) }}
{{- fail (printf "migrations.mode must be \"start\" or \"job\", got %q" $mode) }}
{{- end }}
{{- $mode }}
{{- end }}

{{/*
The URL the job CronJobs call: the release's in-cluster Service (Knative creates one of the same name).
*/}}
{{- define "opengallery.jobsTargetUrl" -}}
{{- if .Values.jobs.scheduler.targetUrl }}
{{- .Values.jobs.scheduler.targetUrl | trimSuffix "/" }}
{{- else if eq (include "opengallery.mode" .) "knative" }}
{{- printf "http://%s.%s.svc.cluster.local" (include "opengallery.fullname" .) .Release.Namespace }}
{{- else }}
{{- printf "http://%s.%s.svc.cluster.local:%v" (include "opengallery.fullname" .) .Release.Namespace .Values.service.port }}
{{- end }}
{{- end }}

{{/*
The token endpoint the CronJobs take a client-credentials token from (Keycloak's, under the realm, by default).
*/}}
{{- define "opengallery.jobsTokenUrl" -}}
{{- .Values.jobs.scheduler.tokenUrl | default (printf "%s/protocol/openid-connect/token" (include "opengallery.oidcAuthServerUrl" . | trimSuffix "/")) }}
{{- end }}
