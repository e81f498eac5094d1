package dev.operators.kinsta.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the Fabric8 CRUD mock server usable by {@code kubectl}: it serves the discovery documents
 * kubectl reads first, turns the patch types the mock does not know (strategic merge, server-side
 * apply) into ones it does, answers {@code as=Table} requests for custom resources with the CRD's
 * printer columns, and emulates HTTP watches (the mock only has WebSocket ones) by answering with
 * the current objects after a short delay, which kubectl's retrying watchers treat as a watch that
 * ended.
 */
public final class KubeApiShim extends Dispatcher {
  static final String KUBERNETES_VERSION = "1.32";
  private static final ObjectMapper JSON = Serialization.jsonMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern GROUP_VERSION = Pattern.compile("^/apis/([^/]+)/([^/]+)/?$");
  private static final Pattern CUSTOM_RESOURCE =
      Pattern.compile(
          "^/apis/([^/]+)/([^/]+)/(?:namespaces/([^/]+)/)?([^/]+)(?:/([^/]+))?(/status)?$");

  /**
   * How long an emulated watch stays open: kubectl's watchers call anything shorter than a second
   * suspicious.
   */
  private static final Duration WATCH_PERIOD = Duration.ofMillis(1500);

  private final Dispatcher store;

  public KubeApiShim(Dispatcher store) {
    this.store = store;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String fullPath = request.getPath();
    String path = fullPath.contains("?") ? fullPath.substring(0, fullPath.indexOf('?')) : fullPath;
    Map<String, String> query = query(fullPath);
    try {
      if ("GET".equals(request.getMethod())) {
        MockResponse discovery = discovery(path);
        if (discovery != null) {
          return discovery;
        }
        if (isTrue(query.get("watch"))
            && !"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
          return emulatedWatch(request, path, query);
        }
        if (query.containsKey("fieldSelector")) {
          return fieldSelected(request, path, query);
        }
        if (wantsTable(request)) {
          Matcher custom = CUSTOM_RESOURCE.matcher(path);
          JsonNode crd =
              custom.matches() && custom.group(6) == null
                  ? crd(custom.group(1), custom.group(4))
                  : null;
          if (crd != null) {
            return table(request, custom, crd);
          }
        }
      }
      if ("PATCH".equals(request.getMethod())) {
        return patch(request, path, query);
      }
      return store.dispatch(
          withPath(request, request.method(), pathWithout(path, query), request.getBody()));
    } catch (RuntimeException unexpected) {
      return status(500, "InternalError", "local API server: " + unexpected.getMessage());
    }
  }

  @Override
  public void shutdown() {
    store.shutdown();
  }

  // ---- discovery ----

  private MockResponse discovery(String path) {
    switch (path) {
      case "/version":
        return json(
            200,
            object(
                "major",
                "1",
                "minor",
                KUBERNETES_VERSION.substring(2),
                "gitVersion",
                "v" + KUBERNETES_VERSION + ".0",
                "platform",
                "linux/amd64"));
      case "/api":
        ObjectNode versions = object("kind", "APIVersions", "apiVersion", "v1");
        versions.putArray("versions").add("v1");
        versions.putArray("serverAddressByClientCIDRs");
        return json(200, versions);
      case "/apis":
        return json(200, groupList());
      case "/api/v1":
        return json(
            200,
            resourceList(
                "v1",
                List.of(
                    builtin("namespaces", "Namespace", false, "ns"),
                    builtin("secrets", "Secret", true, null),
                    builtin("configmaps", "ConfigMap", true, "cm"),
                    builtin("events", "Event", true, "ev"),
                    builtin("serviceaccounts", "ServiceAccount", true, "sa"),
                    builtin("services", "Service", true, "svc"),
                    builtin("pods", "Pod", true, "po"))));
      case "/apis/apiextensions.k8s.io/v1":
        return json(
            200,
            resourceList(
                "apiextensions.k8s.io/v1",
                List.of(
                    builtin(
                        "customresourcedefinitions", "CustomResourceDefinition", false, "crd"))));
      case "/apis/coordination.k8s.io/v1":
        return json(
            200,
            resourceList(
                "coordination.k8s.io/v1", List.of(builtin("leases", "Lease", true, null))));
      case "/apis/events.k8s.io/v1":
        return json(
            200, resourceList("events.k8s.io/v1", List.of(builtin("events", "Event", true, "ev"))));
      default:
        break;
    }
    if (path.startsWith("/openapi/")) {
      return status(
          404,
          "NotFound",
          "the local API server publishes no OpenAPI documents: use --validate=false");
    }
    Matcher groupVersion = GROUP_VERSION.matcher(path);
    if (groupVersion.matches()) {
      return customGroupVersion(groupVersion.group(1), groupVersion.group(2));
    }
    return null;
  }

  private ObjectNode groupList() {
    ObjectNode list = object("kind", "APIGroupList", "apiVersion", "v1");
    ArrayNode groups = list.putArray("groups");
    groups.add(group("apiextensions.k8s.io", List.of("v1")));
    groups.add(group("coordination.k8s.io", List.of("v1")));
    groups.add(group("events.k8s.io", List.of("v1")));
    Map<String, List<String>> custom = new LinkedHashMap<>();
    for (JsonNode crd : crds()) {
      String group = crd.path("spec").path("group").asText();
      for (JsonNode version : crd.path("spec").path("versions")) {
        List<String> names = custom.computeIfAbsent(group, g -> new ArrayList<>());
        if (version.path("served").asBoolean(true)
            && !names.contains(version.path("name").asText())) {
          names.add(version.path("name").asText());
        }
      }
    }
    custom.forEach((group, names) -> groups.add(group(group, names)));
    return list;
  }

  private MockResponse customGroupVersion(String group, String version) {
    List<ObjectNode> resources = new ArrayList<>();
    for (JsonNode crd : crds()) {
      JsonNode spec = crd.path("spec");
      boolean served = false;
      for (JsonNode v : spec.path("versions")) {
        served |= v.path("name").asText().equals(version);
      }
      if (!spec.path("group").asText().equals(group) || !served) {
        continue;
      }
      JsonNode names = spec.path("names");
      ObjectNode resource =
          builtin(
              names.path("plural").asText(),
              names.path("kind").asText(),
              "Namespaced".equals(spec.path("scope").asText()),
              null);
      resource.put("singularName", names.path("singular").asText());
      resource.set(
          "shortNames",
          names.path("shortNames").isArray() ? names.path("shortNames") : NODES.arrayNode());
      if (names.path("categories").isArray()) {
        resource.set("categories", names.path("categories"));
      }
      resources.add(resource);
      ObjectNode status =
          builtin(
              names.path("plural").asText() + "/status",
              names.path("kind").asText(),
              "Namespaced".equals(spec.path("scope").asText()),
              null);
      status.putArray("verbs").add("get").add("patch").add("update");
      resources.add(status);
    }
    if (resources.isEmpty()) {
      return status(404, "NotFound", "no resources in " + group + "/" + version);
    }
    return json(200, resourceList(group + "/" + version, resources));
  }

  private static ObjectNode group(String name, List<String> versions) {
    ObjectNode group = object("name", name);
    ArrayNode list = group.putArray("versions");
    versions.forEach(v -> list.add(object("groupVersion", name + "/" + v, "version", v)));
    group.set(
        "preferredVersion",
        object("groupVersion", name + "/" + versions.get(0), "version", versions.get(0)));
    return group;
  }

  private static ObjectNode resourceList(String groupVersion, List<ObjectNode> resources) {
    ObjectNode list =
        object("kind", "APIResourceList", "apiVersion", "v1", "groupVersion", groupVersion);
    ArrayNode array = list.putArray("resources");
    resources.forEach(array::add);
    return list;
  }

  private static ObjectNode builtin(
      String plural, String kind, boolean namespaced, String shortName) {
    ObjectNode resource = object("name", plural, "singularName", kind.toLowerCase(), "kind", kind);
    resource.put("namespaced", namespaced);
    resource
        .putArray("verbs")
        .add("create")
        .add("delete")
        .add("get")
        .add("list")
        .add("patch")
        .add("update")
        .add("watch");
    if (shortName != null) {
      resource.putArray("shortNames").add(shortName);
    }
    return resource;
  }

  private List<JsonNode> crds() {
    MockResponse listed =
        store.dispatch(
            withPath(
                null,
                HttpMethod.GET,
                "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
                new Buffer()));
    List<JsonNode> items = new ArrayList<>();
    readBody(listed).path("items").forEach(items::add);
    return items;
  }

  private JsonNode crd(String group, String plural) {
    for (JsonNode crd : crds()) {
      if (crd.path("spec").path("group").asText().equals(group)
          && crd.path("spec").path("names").path("plural").asText().equals(plural)) {
        return crd;
      }
    }
    return null;
  }

  // ---- patches ----

  private MockResponse patch(RecordedRequest request, String path, Map<String, String> query) {
    String type = String.valueOf(request.getHeader("Content-Type"));
    String target = pathWithout(path, query);
    if (type.startsWith("application/apply-patch")) {
      return apply(request, target);
    }
    if (type.startsWith("application/strategic-merge-patch")) {
      return store.dispatch(
          withContentType(request, target, "application/merge-patch+json", request.getBody()));
    }
    return store.dispatch(withPath(request, HttpMethod.PATCH, target, request.getBody()));
  }

  /**
   * Server-side apply, as create-or-merge: enough for one field manager, which is all local mode
   * has.
   */
  private MockResponse apply(RecordedRequest request, String target) {
    JsonNode applied = Serialization.unmarshal(request.getUtf8Body(), JsonNode.class);
    MockResponse current = store.dispatch(withPath(request, HttpMethod.GET, target, new Buffer()));
    Buffer body = new Buffer().writeUtf8(applied.toString());
    if (current.code() == 404 && !target.endsWith("/status")) {
      String collection = target.substring(0, target.lastIndexOf('/'));
      return store.dispatch(
          withContentType(request, collection, "application/json", body, HttpMethod.POST));
    }
    return store.dispatch(withContentType(request, target, "application/merge-patch+json", body));
  }

  // ---- tables ----

  private static boolean wantsTable(RecordedRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("as=Table");
  }

  private MockResponse table(RecordedRequest request, Matcher custom, JsonNode crd) {
    MockResponse stored =
        store.dispatch(withPath(request, HttpMethod.GET, request.getPath(), new Buffer()));
    if (stored.code() != 200) {
      return stored;
    }
    JsonNode body = readBody(stored);
    JsonNode columns = NODES.arrayNode();
    for (JsonNode version : crd.path("spec").path("versions")) {
      if (version.path("name").asText().equals(custom.group(2))) {
        columns = version.path("additionalPrinterColumns");
      }
    }
    List<JsonNode> objects = new ArrayList<>();
    if (body.has("items")) {
      body.path("items").forEach(objects::add);
    } else {
      objects.add(body);
    }
    return json(
        200,
        PrinterColumns.table(
            columns, objects, body.path("metadata").path("resourceVersion").asText()));
  }

  // ---- field selectors ----

  /**
   * Lists, then keeps the items every {@code field=value} / {@code field!=value} term of the
   * selector allows.
   */
  private MockResponse fieldSelected(
      RecordedRequest request, String path, Map<String, String> query) {
    Map<String, String> rest = new LinkedHashMap<>(query);
    String selector =
        java.net.URLDecoder.decode(rest.remove("fieldSelector"), StandardCharsets.UTF_8);
    MockResponse listed =
        store.dispatch(withPath(request, HttpMethod.GET, pathWithout(path, rest), new Buffer()));
    JsonNode body = readBody(listed);
    if (listed.code() != 200 || !(body.path("items") instanceof ArrayNode items)) {
      return listed;
    }
    ArrayNode kept = NODES.arrayNode();
    for (JsonNode item : items) {
      if (matchesFieldSelector(item, selector)) {
        kept.add(item);
      }
    }
    ((ObjectNode) body).set("items", kept);
    // Typed clients (kubectl describe reads events with one)
    // need the list's own kind, not the mock's "List".
    if ("List".equals(body.path("kind").asText())) {
      String itemKind =
          items.size() > 0
              ? items.get(0).path("kind").asText()
              : path.endsWith("/events") ? "Event" : "";
      if (!itemKind.isEmpty()) {
        ((ObjectNode) body).put("kind", itemKind + "List");
      }
    }
    return json(200, body);
  }

  static boolean matchesFieldSelector(JsonNode item, String selector) {
    for (String term : selector.split(",")) {
      if (term.isBlank()) {
        continue;
      }
      boolean negated = term.contains("!=");
      String[] parts = term.split(negated ? "!=" : "==?", 2);
      if (parts.length < 2) {
        continue;
      }
      JsonNode value = item;
      for (String field : parts[0].trim().split("\\.")) {
        value = value.path(field);
      }
      boolean equal = value.asText("").equals(parts[1].trim());
      if (equal == negated) {
        return false;
      }
    }
    return true;
  }

  // ---- watches ----

  private MockResponse emulatedWatch(
      RecordedRequest request, String path, Map<String, String> query) {
    Map<String, String> listQuery = new LinkedHashMap<>(query);
    for (String watchOnly :
        List.of(
            "watch",
            "resourceVersion",
            "timeoutSeconds",
            "allowWatchBookmarks",
            "resourceVersionMatch",
            "sendInitialEvents")) {
      listQuery.remove(watchOnly);
    }
    MockResponse listed =
        store.dispatch(
            withPath(request, HttpMethod.GET, path + queryString(listQuery), new Buffer()));
    JsonNode body = readBody(listed);
    StringBuilder events = new StringBuilder();
    List<JsonNode> items = new ArrayList<>();
    if (body.has("items")) {
      body.path("items").forEach(items::add);
    } else if (listed.code() == 200) {
      items.add(body);
    }
    for (JsonNode item : items) {
      ObjectNode event = object("type", "MODIFIED");
      event.set("object", withKind(item, body));
      events.append(event).append('\n');
    }
    if (items.isEmpty() && isTrue(query.get("allowWatchBookmarks"))) {
      ObjectNode bookmark = object("type", "BOOKMARK");
      ObjectNode object = bookmark.putObject("object");
      object.put("kind", body.path("kind").asText("List").replaceAll("List$", ""));
      object.put("apiVersion", body.path("apiVersion").asText("v1"));
      object
          .putObject("metadata")
          .put("resourceVersion", body.path("metadata").path("resourceVersion").asText("0"));
      events.append(bookmark).append('\n');
    }
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/json")
        .setBody(events.toString())
        .setBodyDelay(WATCH_PERIOD);
  }

  private static JsonNode withKind(JsonNode item, JsonNode list) {
    if (item.has("kind") || !(item instanceof ObjectNode object)) {
      return item;
    }
    String listKind = list.path("kind").asText();
    ObjectNode copy = object.deepCopy();
    copy.put(
        "kind",
        listKind.endsWith("List") ? listKind.substring(0, listKind.length() - 4) : listKind);
    copy.put("apiVersion", list.path("apiVersion").asText());
    return copy;
  }

  // ---- helpers ----

  private static RecordedRequest withPath(
      RecordedRequest original, HttpMethod method, String path, Buffer body) {
    Headers headers = original == null ? Headers.builder().build() : original.getHeaders();
    String version = original == null ? "HTTP/1.1" : original.getHttpVersion();
    return new RecordedRequest(version, method, path, headers, body);
  }

  private static RecordedRequest withContentType(
      RecordedRequest original, String path, String contentType, Buffer body) {
    return withContentType(original, path, contentType, body, HttpMethod.PATCH);
  }

  private static RecordedRequest withContentType(
      RecordedRequest original, String path, String contentType, Buffer body, HttpMethod method) {
    Headers headers = original.getHeaders().newBuilder().set("Content-Type", contentType).build();
    return new RecordedRequest(original.getHttpVersion(), method, path, headers, body);
  }

  /**
   * Drops the query parameters the mock does not understand and that make it misroute status
   * patches.
   */
  private static String pathWithout(String path, Map<String, String> query) {
    Map<String, String> kept = new LinkedHashMap<>(query);
    kept.remove("fieldManager");
    kept.remove("fieldValidation");
    kept.remove("force");
    kept.remove("dryRun");
    return path + queryString(kept);
  }

  private static Map<String, String> query(String fullPath) {
    Map<String, String> query = new LinkedHashMap<>();
    int start = fullPath.indexOf('?');
    if (start < 0) {
      return query;
    }
    for (String pair : fullPath.substring(start + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
    }
    return query;
  }

  private static String queryString(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("?");
    query.forEach(
        (k, v) -> text.append(text.length() > 1 ? "&" : "").append(k).append('=').append(v));
    return text.toString();
  }

  private static boolean isTrue(String value) {
    return "true".equals(value) || "1".equals(value);
  }

  private static JsonNode readBody(MockResponse response) {
    byte[] bytes = response.getBody() == null ? new byte[0] : response.getBody().getBytes();
    if (bytes.length == 0) {
      return NODES.objectNode();
    }
    try {
      return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (java.io.IOException notJson) {
      return NODES.objectNode();
    }
  }

  private static ObjectNode object(String... keyValues) {
    ObjectNode node = NODES.objectNode();
    for (int i = 0; i < keyValues.length; i += 2) {
      node.put(keyValues[i], keyValues[i + 1]);
    }
    return node;
  }

  private static MockResponse json(int code, JsonNode body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body.toString());
  }

  private static MockResponse status(int code, String reason, String message) {
    ObjectNode status =
        object(
            "kind",
            "Status",
            "apiVersion",
            "v1",
            "status",
            "Failure",
            "message",
            message,
            "reason",
            reason);
    status.put("code", code);
    return json(code, status);
  }
}
