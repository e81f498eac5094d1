package dev.operators.kinsta.hosting.database;

import dev.operators.kinsta.api.v1alpha1.KinstaDatabaseSpec.DatabaseType;
import dev.operators.kinsta.hosting.client.dto.Database;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The keys of a database's connection Secret: addresses from what Sevalla reports, the password the
 * operator set (Sevalla never returns one).
 */
final class ConnectionDetails {
  static final String PASSWORD = "password";

  private ConnectionDetails() {}

  static Map<String, String> of(Database db, @Nullable String specUser, @Nullable String password) {
    DatabaseType type = typeOf(db.type());
    boolean keyValue = type == DatabaseType.REDIS || type == DatabaseType.VALKEY;
    String database = keyValue ? null : db.dbName();
    String user = specUser != null ? specUser : keyValue ? "default" : null;
    Map<String, String> data = new LinkedHashMap<>();
    data.put("type", db.type());
    data.put("host", db.internalHostname());
    data.put("port", db.internalPort() == null ? null : db.internalPort().toString());
    data.put("database", database);
    data.put("user", user);
    data.put(PASSWORD, password);
    data.put("url", url(type, user, password, db.internalHostname(), db.internalPort(), database));
    data.put("external_host", db.externalHostname());
    data.put("external_port", db.externalPort() == null ? null : db.externalPort().toString());
    data.put(
        "external_url",
        url(type, user, password, db.externalHostname(), db.externalPort(), database));
    return data;
  }

  /**
   * Only what is known: a Secret holding the password the operator generated, before the database
   * exists.
   */
  static Map<String, String> passwordOnly(String password) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(PASSWORD, password);
    return data;
  }

  static @Nullable String url(
      @Nullable DatabaseType type,
      @Nullable String user,
      @Nullable String password,
      @Nullable String host,
      @Nullable Integer port,
      @Nullable String database) {
    if (host == null || port == null || type == null) {
      return null;
    }
    String credentials =
        (user == null ? "" : encode(user)) + (password == null ? "" : ":" + encode(password));
    String path =
        type == DatabaseType.REDIS || type == DatabaseType.VALKEY || database == null
            ? ""
            : "/" + encode(database);
    return type.urlScheme()
        + "://"
        + (credentials.isEmpty() ? "" : credentials + "@")
        + host
        + ":"
        + port
        + path;
  }

  private static @Nullable DatabaseType typeOf(@Nullable String wire) {
    for (DatabaseType type : DatabaseType.values()) {
      if (type.wire().equals(wire)) {
        return type;
      }
    }
    return null;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
