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
Validated image flavor (jvm or native).
*/}}
{{- define "opengallery.flavor" -}}
{{- $flavor := .Values.image.flavor | default "jvm" | toString }}
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
{{- if or (not .Values.database.existingSecret) (and .Values.oidc.clientSecret (not .Values.oidc.existingSecret)) (not .Values.apps.existingSecret) }}true{{- end }}
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
