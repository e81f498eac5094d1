package dev.operators.kinsta.wordpress.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.budget.Priority;
import dev.operators.kinsta.wordpress.client.dto.OperationStatus;
import java.util.Set;

/** {@link Operations} over the Vert.x transport. */
final class VertxOperations extends KinstaEndpoints implements Operations {
  VertxOperations(KinstaTransport transport, KinstaCredentials credentials, boolean reporting) {
    super(transport, credentials, reporting);
  }

  private static final Set<Integer> OPERATION_ANSWERS = Set.of(404, 500);

  @Override
  public OperationStatus getOperation(String operationId) {
    KinstaRequest request =
        KinstaRequest.get("/operations/{operation_id}", operationId)
            .priority(Priority.OPERATION_POLL);
    KinstaTransport.Response response =
        transport.exchange(
            credentials.apiKey(), credentials.companyId(), request, OPERATION_ANSWERS);
    JsonNode body = response.body();
    // Kinsta documents HTTP 500 for a failed operation, but has also been seen answering HTTP 200
    // with
    // "status": 500 in the body; the body's status wins when present.
    int status =
        body.path("status").canConvertToInt() ? body.path("status").asInt() : response.status();
    OperationStatus.State state =
        switch (status) {
          case 200 -> OperationStatus.State.SUCCEEDED;
          case 404 -> OperationStatus.State.NOT_FOUND;
          case 202 -> OperationStatus.State.IN_PROGRESS;
          default ->
              status >= 400 ? OperationStatus.State.FAILED : OperationStatus.State.IN_PROGRESS;
        };
    String message = body.path("message").isTextual() ? body.path("message").asText() : null;
    JsonNode data = body.path("data").isMissingNode() ? null : body.path("data");
    return new OperationStatus(state, message, data);
  }
}
