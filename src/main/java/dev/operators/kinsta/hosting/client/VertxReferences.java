package dev.operators.kinsta.hosting.client;

import dev.operators.kinsta.hosting.client.dto.Cluster;
import dev.operators.kinsta.hosting.client.dto.Project;
import dev.operators.kinsta.hosting.client.dto.ResourceType;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import java.util.List;

/** {@link References} over the Vert.x transport. */
final class VertxReferences extends HostingEndpoints implements References {
  VertxReferences(KinstaTransport transport, KinstaCredentials credentials) {
    super(transport, credentials);
  }

  @Override
  public List<Cluster> listClusters() {
    return readList(KinstaRequest.get("/resources/clusters"), "", Cluster.class);
  }

  @Override
  public List<ResourceType> listDatabaseResourceTypes() {
    return readList(
        KinstaRequest.get("/resources/database-resource-types"), "", ResourceType.class);
  }

  @Override
  public List<Project> listProjects() {
    return pages("/projects", Project.class);
  }

  @Override
  public List<ResourceType> listProcessResourceTypes() {
    return readList(KinstaRequest.get("/resources/process-resource-types"), "", ResourceType.class);
  }
}
