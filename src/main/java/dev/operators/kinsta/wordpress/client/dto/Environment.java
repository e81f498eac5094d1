package dev.operators.kinsta.wordpress.client.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A WordPress environment (live or staging) as {@code GET /sites/{id}/environments} describes it.
 */
public record Environment(
    String id,
    String name,
    String displayName,
    Boolean isPremium,
    Boolean isBlocked,
    String idEdgeCache,
    String cdnCacheId,
    Boolean isOptOutFromAutomaticPhpUpdate,
    String webRoot,
    String imageOptimizationType,
    String wordpressVersion,
    Boolean isAdditionalSftpAccountsEnabled,
    List<Domain> domains,
    @JsonProperty("primaryDomain") Domain primaryDomain,
    ContainerInfo containerInfo,
    SshConnection sshConnection) {

  public record ContainerInfo(String id, String phpEngineVersion) {}

  /** Where the environment takes SSH/SFTP connections. */
  public record SshConnection(String sshPort, SshIp sshIp) {
    public record SshIp(String externalIp) {}
  }

  /** The address SSH/SFTP clients connect to, when Kinsta reports one. */
  public @Nullable String sshHost() {
    return sshConnection == null || sshConnection.sshIp() == null
        ? null
        : sshConnection.sshIp().externalIp();
  }

  /**
   * The PHP version in the form the API takes it ({@code 8.3}), from {@code php_engine_version}
   * ({@code php8.3}).
   */
  public @Nullable String phpVersion() {
    if (containerInfo == null || containerInfo.phpEngineVersion() == null) {
      return null;
    }
    String engine = containerInfo.phpEngineVersion();
    return engine.startsWith("php") ? engine.substring(3) : engine;
  }

  /** Edge caching is on when the environment has an edge cache id. */
  public boolean edgeCachingEnabled() {
    return idEdgeCache != null && !idEdgeCache.isBlank();
  }

  public List<Domain> domainsOrEmpty() {
    return domains == null ? List.of() : domains;
  }
}
