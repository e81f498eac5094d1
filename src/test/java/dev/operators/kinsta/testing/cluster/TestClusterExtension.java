package dev.operators.kinsta.testing.cluster;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * For a test class on the real API server: starts the run's {@link TestCluster} (once per run; it
 * stops when the JVM ends) and gives the class a namespace of its own, deleted after its last test.
 * Test methods and constructors receive the {@link TestCluster} and the {@link ClassNamespace} as
 * parameters.
 */
public final class TestClusterExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final ExtensionContext.Namespace STORE =
      ExtensionContext.Namespace.create(TestClusterExtension.class);

  /** The namespace a test class owns on the test cluster. */
  public record ClassNamespace(String name) {}

  @Override
  public void beforeAll(ExtensionContext context) {
    TestCluster cluster = TestCluster.shared();
    String name =
        context
                .getRequiredTestClass()
                .getSimpleName()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
            + "-"
            + COUNTER.incrementAndGet();
    cluster
        .admin()
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    context.getStore(STORE).put(ClassNamespace.class, new ClassNamespace(name));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ClassNamespace namespace =
        context.getStore(STORE).get(ClassNamespace.class, ClassNamespace.class);
    if (namespace != null) {
      TestCluster.shared().admin().namespaces().withName(namespace.name()).delete();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestCluster.class || type == ClassNamespace.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == TestCluster.class) {
      return TestCluster.shared();
    }
    return context.getStore(STORE).get(ClassNamespace.class, ClassNamespace.class);
  }
}
