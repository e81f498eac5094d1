package dev.operators.kinsta.wordpress.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.WireReader;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import dev.operators.kinsta.wordpress.client.dto.RedirectRule;
import dev.operators.kinsta.wordpress.client.dto.SftpAccounts;
import dev.operators.kinsta.wordpress.client.dto.SshConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link Access} over the Vert.x transport. */
final class VertxAccess extends KinstaEndpoints implements Access {
  VertxAccess(KinstaTransport transport, KinstaCredentials credentials, boolean reporting) {
    super(transport, credentials, reporting);
  }

  private static final int REDIRECT_PAGE = 100;

  /** Kinsta requires {@code domain} even when null (every domain): a JSON node keeps the null. */
  private static ObjectNode wire(RedirectRule rule) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    if (rule.domain() == null) {
      json.putNull("domain");
    } else {
      json.put("domain", rule.domain());
    }
    return json.put("from", rule.from()).put("to", rule.to()).put("type", rule.type());
  }

  @Override
  public List<String> getDeniedIps(String environmentId) {
    return readList(
        KinstaRequest.get("/sites/tools/denied-ips").query("environment_id", environmentId),
        "/environment/ip_list",
        String.class);
  }

  @Override
  public void updateDeniedIps(String environmentId, List<String> ipList) {
    call(
        KinstaRequest.put("/sites/tools/denied-ips")
            .body(Map.of("environment_id", environmentId, "ip_list", ipList)));
  }

  @Override
  public boolean sshEnabled(String environmentId) {
    return read(
        KinstaRequest.get("/sites/environments/{env_id}/ssh/get-status", environmentId),
        "/environment/active_container/is_ssh_enabled",
        Boolean.class);
  }

  @Override
  public void setSshEnabled(String environmentId, boolean enabled) {
    call(
        KinstaRequest.post("/sites/environments/{env_id}/ssh/set-status", environmentId)
            .body(Map.of("is_enabled", enabled)));
  }

  @Override
  public void setSshPasswordAuthentication(String environmentId, boolean enabled) {
    call(
        KinstaRequest.post("/sites/environments/{env_id}/ssh/set-password-status", environmentId)
            .body(Map.of("is_enabled", enabled)));
  }

  @Override
  public List<String> sshAllowedIps(String environmentId) {
    KinstaRequest request =
        KinstaRequest.get("/sites/environments/{env_id}/ssh/get-allowed-ips", environmentId);
    // Kinsta spells the field "stfp".
    return WireReader.readList(
        request.endpoint(),
        call(request),
        "/environment/active_container/stfp_ip_allowlist",
        String.class);
  }

  @Override
  public void setSshAllowedIps(String environmentId, List<String> addresses) {
    call(
        KinstaRequest.post("/sites/environments/{env_id}/ssh/set-allowed-ips", environmentId)
            .body(Map.of("ip_allowlist", addresses)));
  }

  @Override
  public void setSshExpiration(String environmentId, String interval) {
    call(
        KinstaRequest.post(
                "/sites/environments/{env_id}/ssh/change-expiration-interval", environmentId)
            .body(Map.of("exp_interval", interval)));
  }

  @Override
  public SshConfig sshConfig(String siteId, String environmentId) {
    return read(
        KinstaRequest.get(
            "/sites/{site_id}/environments/{env_id}/ssh/config", siteId, environmentId),
        "",
        SshConfig.class);
  }

  @Override
  public List<RedirectRule> redirectRules(String environmentId) {
    List<RedirectRule> all = new ArrayList<>();
    while (true) {
      KinstaRequest request =
          KinstaRequest.get("/sites/environments/{env_id}/redirect-rules", environmentId)
              .query("limit", REDIRECT_PAGE)
              .query("offset", all.size());
      JsonNode answer = call(request);
      List<RedirectRule> page =
          WireReader.readList(
              request.endpoint(),
              answer,
              "/environment/container_info/redirect_rules/rules",
              RedirectRule.class);
      all.addAll(page);
      int count =
          WireReader.read(
              request.endpoint(),
              answer,
              "/environment/container_info/redirect_rules/redirect_rules_count",
              Integer.class);
      if (page.isEmpty() || all.size() >= count) {
        return all;
      }
    }
  }

  @Override
  public void addRedirectRule(String environmentId, RedirectRule rule) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("action_type", "NEW");
    body.put("new_value", wire(rule));
    call(
        KinstaRequest.post("/sites/environments/{env_id}/redirect-rules", environmentId)
            .body(body));
  }

  @Override
  public void deleteRedirectRule(String environmentId, RedirectRule rule) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("action_type", "DELETE");
    body.put("rules_to_update", List.of(wire(rule)));
    call(
        KinstaRequest.post("/sites/environments/{env_id}/redirect-rules", environmentId)
            .body(body));
  }

  @Override
  public OperationRef setSftpAccountsEnabled(String environmentId, boolean enabled) {
    return operation(
        KinstaRequest.put(
                "/sites/environments/{env_id}/additional-sftp-accounts/toggle-status",
                environmentId)
            .body(Map.of("enabled", enabled)));
  }

  @Override
  public SftpAccounts sftpAccounts(String environmentId) {
    KinstaRequest request =
        KinstaRequest.get("/sites/environments/{env_id}/additional-sftp-accounts", environmentId);
    JsonNode answer = call(request);
    List<SftpAccounts.Account> accounts =
        WireReader.readList(
            request.endpoint(),
            answer,
            "/environment/additional_sftp_accounts",
            SftpAccounts.Account.class);
    JsonNode port = answer.at("/environment/container_info/additional_sftp_accounts_port");
    return new SftpAccounts(accounts, port.isTextual() || port.isNumber() ? port.asText() : null);
  }

  @Override
  public OperationRef addSftpAccount(
      String environmentId,
      String username,
      String password,
      String rootDirectory,
      String permission) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("password", password);
    body.put("root_directory", rootDirectory);
    body.put("permission", permission);
    return operation(
        KinstaRequest.post("/sites/environments/{env_id}/additional-sftp-accounts", environmentId)
            .body(body));
  }

  @Override
  public OperationRef deleteSftpAccount(String accountId) {
    return operation(
        KinstaRequest.delete(
            "/sites/environments/additional-sftp-accounts/{sftp_account_id}", accountId));
  }
}
