package dev.operators.kinsta.hosting.client;

import dev.operators.kinsta.hosting.client.dto.Cluster;
import dev.operators.kinsta.hosting.client.dto.Project;
import dev.operators.kinsta.hosting.client.dto.ResourceType;
import java.util.List;

/** Sevalla's v3 calls on what Sevalla offers: clusters, resource types, projects. */
public interface References {
  /** {@code GET /resources/clusters}: the data centres, by region code. */
  List<Cluster> listClusters();

  /** {@code GET /resources/database-resource-types}: database sizes by name ({@code db1}…). */
  List<ResourceType> listDatabaseResourceTypes();

  /** {@code GET /projects}, every page. */
  List<Project> listProjects();

  /** {@code GET /resources/process-resource-types}: process sizes by name. */
  List<ResourceType> listProcessResourceTypes();
}
