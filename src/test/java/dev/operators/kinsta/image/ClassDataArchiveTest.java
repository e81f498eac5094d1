package dev.operators.kinsta.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's class data archive, made as the Dockerfile makes it: dumped from the committed class
 * list with the chart's JVM flags, and accepted by a JVM started as the entry point starts it.
 */
class ClassDataArchiveTest {

  @Test
  void theClassListIsTheOperatorsAndStillNamesItsClasses() throws IOException {
    List<String> operatorClasses =
        Files.readAllLines(OperatorImage.CLASS_LIST).stream()
            .filter(line -> line.startsWith("dev/operators/kinsta/"))
            .map(line -> line.split(" ")[0])
            .toList();
    assertTrue(
        operatorClasses.contains("dev/operators/kinsta/operator/OperatorMain"),
        "recorded from the operator's own main");
    assertTrue(
        operatorClasses.contains("dev/operators/kinsta/wordpress/site/SiteReconciler"),
        "recorded while it reconciled");
    long gone =
        operatorClasses.stream()
            .filter(name -> !Files.exists(Path.of("target", "classes", name + ".class")))
            .count();
    // A class the list names but the jar no longer has is skipped at dump time; many of them mean
    // the list is stale (README, Scale: how to record it again).
    assertTrue(
        gone <= operatorClasses.size() / 10,
        gone + " of the " + operatorClasses.size() + " operator classes listed no longer exist");
  }

  @Test
  void theArchiveIsAcceptedByTheOperatorsJvm(@TempDir Path directory) throws Exception {
    OperatorImage image = OperatorImage.layOut(directory);
    assertNotNull(image.archive(), "the class list is committed");
    assertTrue(Files.size(image.archive()) > 10_000_000, "the operator's classes are in it");
    // -Xshare:on makes an archive the JVM cannot use a startup failure instead of a quiet fallback;
    // a setting the operator refuses ends it with exit code 2 right after its main has run.
    ProcessBuilder start =
        new ProcessBuilder(
                image.javaCommand(
                    List.of("-Xshare:on"), "dev.operators.kinsta.operator.OperatorMain"))
            .redirectErrorStream(true);
    start.environment().put("KINSTA_RESYNC_INTERVAL", "not-a-duration");
    Process operator = start.start();
    String output = new String(operator.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(2, operator.waitFor(), output);
    assertTrue(output.contains("KINSTA_RESYNC_INTERVAL"), output);
    assertFalse(output.toLowerCase(java.util.Locale.ROOT).contains("shared archive"), output);
  }
}
