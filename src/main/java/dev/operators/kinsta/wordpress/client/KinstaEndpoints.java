package dev.operators.kinsta.wordpress.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.operators.kinsta.transport.JsonEndpoints;
import dev.operators.kinsta.transport.KinstaCredentials;
import dev.operators.kinsta.transport.KinstaRequest;
import dev.operators.kinsta.transport.KinstaTransport;
import dev.operators.kinsta.transport.WireReader;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;

/** What every area of the Kinsta API shares: the company's credentials and how a call is sent. */
abstract class KinstaEndpoints extends JsonEndpoints {
  protected final KinstaTransport transport;
  protected final KinstaCredentials credentials;
  private final boolean reporting;

  /** With {@code reporting}, every read goes on the usage lane at reporting priority. */
  KinstaEndpoints(KinstaTransport transport, KinstaCredentials credentials, boolean reporting) {
    this.transport = transport;
    this.credentials = credentials;
    this.reporting = reporting;
  }

  @Override
  protected final JsonNode call(KinstaRequest request) {
    KinstaRequest sent = reporting && request.idempotent() ? request.asReport() : request;
    return transport.call(credentials.apiKey(), credentials.companyId(), sent);
  }

  /** A call that starts an asynchronous operation, and the operation's id. */
  protected final OperationRef operation(KinstaRequest request) {
    // Some endpoints document 200 but answer 202 with an
    // operation id; any 2xx with an id is asynchronous.
    JsonNode answer = call(request);
    String operationId = WireReader.required(request.endpoint(), answer, "/operation_id").asText();
    String message = answer.path("message").asText(null);
    return new OperationRef(operationId, message);
  }
}
