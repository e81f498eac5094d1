package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** What the operator observed of a {@link KinstaApplication}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KinstaApplicationStatus extends KinstaStatus {
  @JsonPropertyDescription("Kinsta's id of the application.")
  public String applicationId;

  @JsonPropertyDescription("Kinsta's unique name of the application.")
  public String name;

  public String displayName;

  @JsonPropertyDescription("Kinsta's status of the application, e.g. deploymentSuccess.")
  public String state;

  @JsonPropertyDescription("The application's processes as Kinsta reports them.")
  public List<ProcessStatus> processes = new ArrayList<>();

  @JsonPropertyDescription("The deployment the operator started last, or the latest one at adoption.")
  public DeploymentStatus lastDeployment;

  @JsonPropertyDescription("What was last deployed (branch, image and token), so a change deploys once.")
  public String deployedFor;

  @JsonPropertyDescription("The settings last sent to Kinsta, which its API does not report back.")
  public String appliedSettings;

  @JsonPropertyDescription("Whether the CDN is on, as the last toggle answered (Kinsta's API does not report it).")
  public Boolean cdnEnabled;

  @JsonPropertyDescription("Whether edge caching is on, as the last toggle answered.")
  public Boolean edgeCachingEnabled;

  /** One process. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ProcessStatus {
    public String key;
    public String id;
    public String type;
    @JsonPropertyDescription("manual or horizontal.")
    public String scaling;
    public Integer instances;
    public Integer minInstances;
    public Integer maxInstances;
    public String entrypoint;
    @JsonPropertyDescription("Host name inside Kinsta's network.")
    public String internalHostname;
    public Integer internalPort;
  }

  /** A deployment. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class DeploymentStatus {
    public String id;
    public String branch;
    public String commit;
    public String status;
  }
}
