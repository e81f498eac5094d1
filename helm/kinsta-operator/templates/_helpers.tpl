{{- define "kinsta-operator.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "kinsta-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "kinsta-operator.labels" -}}
{{ include "kinsta-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "kinsta-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "kinsta-operator.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "kinsta-operator.leaderElection" -}}
{{- if or .Values.leaderElection.enabled (gt (int .Values.replicaCount) 1) -}}true{{- end -}}
{{- end -}}

{{/*
What the operator does in the namespaces it watches: exactly the calls it makes (RbacCoversOperatorCallsTest
records them: status is patched while reconciling, and replaced while deleting the kinds whose deletion takes
time in Kinsta), plus "get" on its resources, which JOSDK needs to re-read one after a conflicting patch.
Secrets are read from the informer's cache; create, and get + patch (the client reads before it patches), are
for the connection Secrets the operator owns. "get" adds no reach: list already reads every Secret.
*/}}
{{- define "kinsta-operator.rules" -}}
- apiGroups: ["kinsta.operators.dev"]
  resources: ["kinstasites", "kinstadatabases", "kinstaapplications", "kinstainternalconnections",
    "kinstadnsrecords", "kinstastaticsites", "kinstapipelines", "kinstasiteactions",
    "kinstaapplicationactions", "kinstacompanies"]
  verbs: ["get", "list", "watch"]
{{- /* Finalizers, on the kinds that stand for a Kinsta object. */}}
- apiGroups: ["kinsta.operators.dev"]
  resources: ["kinstasites", "kinstadatabases", "kinstaapplications", "kinstadnsrecords",
    "kinstastaticsites", "kinstainternalconnections", "kinstapipelines"]
  verbs: ["patch"]
- apiGroups: ["kinsta.operators.dev"]
  resources: ["kinstasites/status", "kinstadatabases/status", "kinstaapplications/status",
    "kinstainternalconnections/status", "kinstadnsrecords/status", "kinstasiteactions/status",
    "kinstaapplicationactions/status", "kinstacompanies/status", "kinstastaticsites/status",
    "kinstapipelines/status"]
  verbs: ["patch"]
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "watch", "create", "patch"]
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["get", "list", "watch", "create", "patch"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end -}}
