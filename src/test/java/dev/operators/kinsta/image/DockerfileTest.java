package dev.operators.kinsta.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No container engine runs on the build machines, so the Dockerfile is checked by reading it: the
 * properties a cluster's admission policies and its operators rely on.
 */
class DockerfileTest {
  private static final Path DOCKERFILE = Path.of("Dockerfile");

  /** Instructions with their continuation lines joined, comments dropped. */
  private static List<String> instructions() throws IOException {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(DOCKERFILE)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || trimmed.isEmpty() && current.length() == 0) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      current.append(trimmed);
      result.add(current.toString());
      current.setLength(0);
    }
    return result;
  }

  private static List<String> finalStage() throws IOException {
    List<String> all = instructions();
    int lastFrom = 0;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).startsWith("FROM ")) {
        lastFrom = i;
      }
    }
    return all.subList(lastFrom, all.size());
  }

  @Test
  void buildsFromSourceInOneStageAndRunsOnAJreInAnother() throws IOException {
    List<String> froms = instructions().stream().filter(i -> i.startsWith("FROM ")).toList();
    assertTrue(froms.size() >= 2, "multi-stage");
    assertTrue(froms.get(0).contains("maven") && froms.get(0).contains(" AS build"), froms.get(0));
    assertTrue(
        instructions().stream().anyMatch(i -> i.startsWith("RUN mvn") && i.contains("package")));
    String runtime = finalStage().get(0);
    assertTrue(runtime.contains("-jre"), "the runtime image is a JRE, not a JDK: " + runtime);
    assertTrue(
        finalStage().stream()
            .filter(i -> i.startsWith("COPY "))
            .allMatch(i -> i.contains("--from=build")),
        "the final stage only takes build outputs");
  }

  @Test
  void runsAsANumericNonRootUser() throws IOException {
    String user =
        finalStage().stream().filter(i -> i.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
    String uid = user.substring(5).split(":")[0].strip();
    assertTrue(uid.matches("\\d+") && Integer.parseInt(uid) > 0, "numeric and not root: " + user);
  }

  @Test
  void startsTheOperatorMainInExecForm() throws IOException, ClassNotFoundException {
    String entrypoint =
        finalStage().stream().filter(i -> i.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
    JsonNode command = new ObjectMapper().readTree(entrypoint.substring("ENTRYPOINT ".length()));
    assertTrue(command.isArray(), "exec form, so the JVM is PID 1 and gets SIGTERM: " + entrypoint);
    assertEquals("java", command.get(0).asText());
    String mainClass = command.get(command.size() - 1).asText();
    assertEquals("dev.operators.kinsta.operator.OperatorMain", mainClass);
    Class.forName(mainClass);
  }

  @Test
  void sizesTheJvmForAContainer() throws IOException {
    String options =
        finalStage().stream()
            .filter(i -> i.startsWith("ENV JAVA_TOOL_OPTIONS"))
            .findFirst()
            .orElseThrow();
    assertTrue(options.matches(".*-Xmx\\d+m.*"), "a bounded heap: " + options);
    assertTrue(
        options.contains("-XX:+UseSerialGC"), "the collector for one or two cores: " + options);
    assertTrue(
        options.contains("-XX:+ExitOnOutOfMemoryError"), "let Kubernetes restart it: " + options);
    assertTrue(
        options.contains("-XX:-UsePerfData"), "nothing written with a read-only root filesystem");
    assertTrue(
        options.contains("-XX:ArchiveRelocationMode=0"),
        "the class data archive mapped, not relocated into private memory: " + options);
    String chartOptions = Files.readString(Path.of("helm/kinsta-operator/values.yaml"));
    assertTrue(
        chartOptions.contains(
            options.substring(options.indexOf('"') + 1, options.lastIndexOf('"'))),
        "the chart's default javaOptions match the image's");
  }

  @Test
  void carriesOciLabels() throws IOException {
    String labels =
        String.join(" ", finalStage().stream().filter(i -> i.startsWith("LABEL ")).toList());
    for (String label :
        List.of("title", "description", "version", "revision", "source", "licenses")) {
      assertTrue(labels.contains("org.opencontainers.image." + label + "="), label);
    }
  }
}
