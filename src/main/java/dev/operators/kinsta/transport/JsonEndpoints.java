package dev.operators.kinsta.transport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What both APIs' clients share around one call: the call itself, bound to a company's credentials
 * by each client, and reading its answer into the types of the client's DTOs, a failure naming the
 * endpoint when the answer does not have the shape the contract gives it.
 */
public abstract class JsonEndpoints {
  /** Sends the request with the client's credentials; the answer's body. */
  protected abstract JsonNode call(KinstaRequest request);

  /** The answer's value at {@code pointer} ({@code ""}: the whole body) as a {@code type}. */
  protected final <T> T read(KinstaRequest request, String pointer, Class<T> type) {
    return WireReader.read(request.endpoint(), call(request), pointer, type);
  }

  /** The answer's array at {@code pointer} as a list of {@code element}. */
  protected final <T> List<T> readList(KinstaRequest request, String pointer, Class<T> element) {
    return WireReader.readList(request.endpoint(), call(request), pointer, element);
  }

  /** The answer's value at {@code pointer}, which the contract says is always there. */
  protected final JsonNode required(KinstaRequest request, String pointer) {
    return WireReader.required(request.endpoint(), call(request), pointer);
  }
}
