package dev.operators.kinsta.image;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the image's last stage holds, laid out in a directory: the operator's classes as a jar
 * beside its runtime libraries, and the class data archive the Dockerfile dumps from {@link
 * #CLASS_LIST} with the chart's JVM flags. A JVM started with {@link #javaCommand} runs the
 * operator as the pod does.
 */
public final class OperatorImage {
  /** The classes the operator loads, recorded by the benchmark (see README, Scale). */
  public static final Path CLASS_LIST = Path.of("src", "main", "cds", "operator.classlist");

  private final Path directory;
  private final String classPath;
  private final @Nullable Path archive;

  private OperatorImage(Path directory, String classPath, @Nullable Path archive) {
    this.directory = directory;
    this.classPath = classPath;
    this.archive = archive;
  }

  /**
   * Lays the image out under {@code directory} from {@code target/classes} and the runtime class
   * path, and dumps the archive; the build's output, so run after {@code mvn test-compile}.
   */
  public static OperatorImage layOut(Path directory) throws IOException, InterruptedException {
    Files.createDirectories(directory);
    Path jar = directory.resolve("kinsta-operator.jar");
    Files.deleteIfExists(jar);
    run(
        List.of(
            tool("jar"),
            "--create",
            "--file",
            jar.toString(),
            "-C",
            Path.of("target", "classes").toString(),
            "."),
        directory.resolve("jar.log"));
    String classPath =
        jar.toAbsolutePath()
            + File.pathSeparator
            + Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
    Path archive = directory.resolve("operator.jsa");
    Files.deleteIfExists(archive);
    if (!Files.exists(CLASS_LIST)) {
      return new OperatorImage(directory, classPath, null);
    }
    List<String> dump = new ArrayList<>();
    dump.add(tool("java"));
    dump.addAll(chartJvmFlags());
    dump.addAll(
        List.of(
            "-Xshare:dump",
            "-XX:SharedClassListFile=" + CLASS_LIST.toAbsolutePath(),
            "-XX:SharedArchiveFile=" + archive.toAbsolutePath(),
            "-cp",
            classPath));
    run(dump, directory.resolve("dump.log"));
    return new OperatorImage(directory, classPath, archive);
  }

  /**
   * The image's entry point with the chart's JVM flags, then {@code extraFlags}, for {@code
   * mainClass}.
   */
  public List<String> javaCommand(List<String> extraFlags, String mainClass) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(tool("java"));
    command.addAll(chartJvmFlags());
    if (archive != null) {
      command.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
    }
    command.addAll(extraFlags);
    command.addAll(List.of("-cp", classPath, mainClass));
    return command;
  }

  public @Nullable Path archive() {
    return archive;
  }

  public Path directory() {
    return directory;
  }

  /**
   * The chart's default {@code operator.javaOptions}, as the pod gets them, and the memory limit
   * the JVM reads from the pod's cgroup under the chart's 256Mi.
   */
  public static List<String> chartJvmFlags() throws IOException {
    Matcher flags =
        Pattern.compile("(?m)^\\s+javaOptions: \"([^\"]+)\"")
            .matcher(Files.readString(Path.of("helm", "kinsta-operator", "values.yaml")));
    if (!flags.find()) {
      throw new IllegalStateException("no operator.javaOptions in the chart's values.yaml");
    }
    List<String> all = new ArrayList<>(List.of(flags.group(1).split(" ")));
    all.add("-XX:MaxRAM=256m");
    return all;
  }

  private static String tool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }

  private static void run(List<String> command, Path log) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IllegalStateException(
          String.join(" ", command.subList(0, Math.min(3, command.size())))
              + " failed ("
              + exit
              + "): "
              + Files.readString(log, StandardCharsets.UTF_8));
    }
  }
}
