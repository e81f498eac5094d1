package dev.operators.kinsta.wordpress.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.WireReader;
import dev.operators.kinsta.wordpress.client.dto.ActivityEntry;
import dev.operators.kinsta.wordpress.client.dto.ApiKeyInfo;
import dev.operators.kinsta.wordpress.client.dto.CompanyApiKey;
import dev.operators.kinsta.wordpress.client.dto.CompanyUser;
import dev.operators.kinsta.wordpress.client.dto.Region;
import java.util.ArrayList;
import java.util.List;

/** {@link Company} over the Vert.x transport. */
final class VertxCompany extends KinstaEndpoints implements Company {
  VertxCompany(KinstaTransport transport, KinstaCredentials credentials, boolean reporting) {
    super(transport, credentials, reporting);
  }

  @Override
  public ApiKeyInfo validate() {
    return read(KinstaRequest.get("/validate"), "", ApiKeyInfo.class);
  }

  @Override
  public List<Region> regions() {
    return readList(
        KinstaRequest.get("/company/{id}/available-regions", credentials.companyId()),
        "/company/available_regions",
        Region.class);
  }

  @Override
  public List<CompanyUser> companyUsers() {
    KinstaRequest request = KinstaRequest.get("/company/{id}/users", credentials.companyId());
    JsonNode users = call(request).at("/company/users");
    List<CompanyUser> result = new ArrayList<>();
    users.forEach(
        entry ->
            result.add(WireReader.read(request.endpoint(), entry, "/user", CompanyUser.class)));
    return result;
  }

  @Override
  public List<CompanyApiKey> apiKeys() {
    return readList(
        KinstaRequest.get("/company/{id}/api-keys", credentials.companyId()),
        "/api_keys",
        CompanyApiKey.class);
  }

  /** A call for the metrics reports: on the usage lane, after everything else. */
  @Override
  public List<ActivityEntry> activityLog(int limit, int offset) {
    return readList(
        KinstaRequest.get("/company/{id}/activity-logs", credentials.companyId())
            .query("limit", limit)
            .query("offset", offset),
        "/company/activity_logs/items",
        ActivityEntry.class);
  }
}
