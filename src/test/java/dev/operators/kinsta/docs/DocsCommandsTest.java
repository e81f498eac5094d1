package dev.operators.kinsta.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every command the README and {@code docs/} show, checked offline: shell blocks parse with {@code
 * bash -n}; {@code helm} commands render the chart with their {@code --set} values; {@code kubectl}
 * commands name verbs, kinds, short names and {@code explain} paths the CRDs have, and files that
 * exist; {@code mvn} commands name goals the pom has and main classes that exist; scripts exist. A
 * command of a program this test does not know fails it, so nothing shown goes unchecked.
 */
class DocsCommandsTest {
  private static final Pattern FENCE = Pattern.compile("(?s)```(\\w*)\\n(.*?)```");
  private static final Pattern INLINE =
      Pattern.compile("`((?:mvn|kubectl|helm|bash) [^`]*)`", Pattern.DOTALL);
  private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Z_][A-Z0-9_]*)=(\\S*)$");
  private static final Set<String> KUBECTL_VERBS =
      Set.of(
          "get",
          "apply",
          "delete",
          "describe",
          "wait",
          "explain",
          "edit",
          "annotate",
          "label",
          "patch",
          "version",
          "logs",
          "create");
  private static final Set<String> CORE_RESOURCES =
      Set.of("namespace", "namespaces", "ns", "secret", "secrets", "configmap", "cm", "pods");
  private static final Set<String> MAVEN_PHASES =
      Set.of("compile", "test-compile", "process-test-classes", "test", "package", "verify");

  record Command(Path page, String text) {
    @Override
    public String toString() {
      return page + ": " + text;
    }
  }

  @Test
  void everyShellBlockParses() throws Exception {
    List<String> failures = new ArrayList<>();
    for (Path page : pages()) {
      Matcher block = FENCE.matcher(Files.readString(page));
      while (block.find()) {
        if (Set.of("bash", "sh", "shell").contains(block.group(1))) {
          Process bash = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
          bash.getOutputStream().write(block.group(2).getBytes(StandardCharsets.UTF_8));
          bash.getOutputStream().close();
          String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
          if (bash.exitValue() != 0) {
            failures.add(page + ": " + output);
          }
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void everyCommandTheDocsShowIsChecked() throws Exception {
    List<Command> commands = commands();
    assertTrue(commands.size() > 20, commands.toString());
    Map<String, CustomResourceDefinition> kinds = crdNames();
    List<String> failures = new ArrayList<>();
    int rendered = 0;
    for (Command command : commands) {
      List<String> words = new ArrayList<>(Arrays.asList(command.text().trim().split("\\s+")));
      while (!words.isEmpty() && ASSIGNMENT.matcher(words.get(0)).matches()) {
        String variable = words.remove(0).split("=", 2)[0];
        if (!knownVariable(variable)) {
          failures.add(command + ": no setting named " + variable);
        }
      }
      if (words.isEmpty()) {
        continue;
      }
      List<String> problems =
          switch (words.get(0)) {
            case "mvn" -> maven(words);
            case "kubectl" -> kubectl(words, kinds);
            case "helm" -> helm(words);
            case "bash" -> script(words);
            case "cp" -> copy(words);
            case "export" -> exported(words);
            default -> List.of("a program this test does not know: " + words.get(0));
          };
      if (words.get(0).equals("helm") && problems.isEmpty()) {
        rendered++;
      }
      problems.forEach(problem -> failures.add(command + ": " + problem));
    }
    assertEquals(List.of(), failures);
    assertTrue(rendered > 0, "no helm command was rendered");
  }

  /** Shell lines of fenced blocks and inline commands, split on {@code &&}, comments dropped. */
  static List<Command> commands() throws IOException {
    List<Command> commands = new ArrayList<>();
    for (Path page : pages()) {
      String text = Files.readString(page);
      Matcher block = FENCE.matcher(text);
      while (block.find()) {
        String language = block.group(1);
        if (!Set.of("bash", "sh", "shell", "console").contains(language)) {
          continue;
        }
        for (String line : block.group(2).replace("\\\n", " ").split("\n")) {
          String shown = line.strip();
          if (language.equals("console")) {
            if (!shown.startsWith("$ ")) {
              continue;
            }
            shown = shown.substring(2);
          }
          add(commands, page, shown);
        }
      }
      Matcher inline = INLINE.matcher(FENCE.matcher(text).replaceAll(""));
      while (inline.find()) {
        add(commands, page, inline.group(1).replace('\n', ' '));
      }
    }
    return commands;
  }

  private static void add(List<Command> commands, Path page, String line) {
    String withoutComment = line.replaceAll("(^|\\s)#.*$", "").strip();
    for (String part : withoutComment.split("&&")) {
      if (!part.isBlank()) {
        commands.add(new Command(page, part.strip()));
      }
    }
  }

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  private static List<String> maven(List<String> words) throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    List<String> problems = new ArrayList<>();
    for (String word : words.subList(1, words.size())) {
      if (word.startsWith("-Dexec.mainClass")) {
        problems.add("-Dexec.mainClass is overridden by the pom; use -Dkinsta.main");
      } else if (word.startsWith("-Dkinsta.main=")) {
        problems.addAll(mainClass(word.substring("-Dkinsta.main=".length())));
      } else if (word.startsWith("-P")) {
        for (String profile : word.substring(2).split(",")) {
          if (!pom.contains("<id>" + profile + "</id>")) {
            problems.add("no Maven profile " + profile);
          }
        }
      } else if (!word.startsWith("-")) {
        String[] goal = word.split(":");
        if (goal.length > 1) {
          // prefix:goal, or groupId:artifactId:goal
          String plugin = goal.length > 2 ? goal[1] : goal[0] + "-maven-plugin";
          if (!pom.contains("<artifactId>" + plugin + "</artifactId>")) {
            problems.add("no plugin for goal " + word);
          }
        } else if (!MAVEN_PHASES.contains(word)) {
          problems.add("not a Maven phase this project uses: " + word);
        }
      }
    }
    return problems;
  }

  private static List<String> mainClass(String name) {
    try {
      Method main = Class.forName(name).getMethod("main", String[].class);
      return Modifier.isStatic(main.getModifiers()) ? List.of() : List.of(name + ".main");
    } catch (ReflectiveOperationException e) {
      return List.of("no main class " + name);
    }
  }

  private static List<String> kubectl(
      List<String> words, Map<String, CustomResourceDefinition> kinds) {
    List<String> problems = new ArrayList<>();
    String verb = words.size() > 1 ? words.get(1) : "";
    if (!KUBECTL_VERBS.contains(verb)) {
      return List.of("not a kubectl verb this test knows: " + verb);
    }
    List<String> arguments = new ArrayList<>();
    for (int i = 2; i < words.size(); i++) {
      String word = words.get(i);
      if (word.equals("-f")) {
        String file = words.get(++i);
        if (!file.startsWith("my-") && !file.equals("dir/") && !Files.exists(Path.of(file))) {
          problems.add("no file " + file);
        }
      } else if (word.equals("-n") || word.equals("-o")) {
        i++;
      } else if (!word.startsWith("-")) {
        arguments.add(word);
      }
    }
    if (verb.equals("explain")) {
      problems.addAll(explain(arguments.isEmpty() ? "" : arguments.get(0), kinds));
    } else if (Set.of("get", "describe", "wait", "edit", "annotate", "delete").contains(verb)
        && !arguments.isEmpty()) {
      String resource = arguments.get(0).split("/", 2)[0];
      for (String name : resource.split(",")) {
        if (!kinds.containsKey(name) && !CORE_RESOURCES.contains(name)) {
          problems.add("no resource type " + name);
        }
      }
    }
    return problems;
  }

  private static List<String> explain(String path, Map<String, CustomResourceDefinition> kinds) {
    String[] parts = path.split("\\.");
    CustomResourceDefinition crd = kinds.get(parts[0]);
    if (crd == null) {
      return List.of("no resource type " + parts[0]);
    }
    JSONSchemaProps schema = crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
    for (int i = 1; i < parts.length; i++) {
      JSONSchemaProps next = schema.getProperties().get(parts[i]);
      if (next == null) {
        return List.of("no field " + parts[i] + " in " + path);
      }
      schema = next;
    }
    return List.of();
  }

  /** Renders the chart offline with the command's values, as {@code helm template} would. */
  private static List<String> helm(List<String> words) throws IOException {
    String sub = words.size() > 1 ? words.get(1) : "";
    if (!Set.of("install", "upgrade", "template", "lint").contains(sub)) {
      return List.of("not a helm command this test knows: " + sub);
    }
    Path chart = null;
    Map<String, String> values = new HashMap<>();
    for (int i = 2; i < words.size(); i++) {
      String word = words.get(i);
      if (word.equals("--set")) {
        String[] pair = words.get(++i).replace("'", "").split("=", 2);
        values.put(pair[0], pair[1]);
      } else if (word.startsWith("./") || word.startsWith("helm/")) {
        chart = Path.of(word);
      } else if (word.equals("-n") || word.equals("-f")) {
        i++;
      }
    }
    if (sub.equals("lint") || sub.equals("template") && words.size() == 2) {
      return List.of();
    }
    if (chart == null || !Files.isDirectory(chart)) {
      return List.of("no chart directory in the command");
    }
    JsonNode defaults =
        Serialization.unmarshal(Files.readString(chart.resolve("values.yaml")), JsonNode.class);
    List<String> problems = new ArrayList<>();
    for (String key : values.keySet()) {
      if (defaults.at("/" + key.replace('.', '/')).isMissingNode()) {
        problems.add("no chart value " + key);
      }
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    TemplateCommand template =
        new Helm(chart).template().withName("kinsta-operator").withKubeVersion("1.37.2");
    values.forEach(
        (key, value) -> {
          // --set's list syntax, {a,b}, is key[0]=a,key[1]=b
          if (value.startsWith("{") && value.endsWith("}")) {
            String[] items = value.substring(1, value.length() - 1).split(",");
            for (int i = 0; i < items.length; i++) {
              template.set(key + "[" + i + "]", items[i]);
            }
          } else {
            template.set(key, value);
          }
        });
    String rendered = template.call();
    return rendered.contains("kind: Deployment") ? List.of() : List.of("rendered no Deployment");
  }

  private static List<String> script(List<String> words) throws Exception {
    Path script = Path.of(words.get(1));
    if (!Files.isRegularFile(script)) {
      return List.of("no script " + script);
    }
    Process bash = new ProcessBuilder("bash", "-n", script.toString()).start();
    assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
    return bash.exitValue() == 0 ? List.of() : List.of(script + " does not parse");
  }

  private static List<String> copy(List<String> words) throws IOException {
    String source = words.get(1);
    Path directory = Path.of(source).getParent();
    String glob = Path.of(source).getFileName().toString();
    try (var matches = Files.newDirectoryStream(directory, glob)) {
      return matches.iterator().hasNext() ? List.of() : List.of("nothing matches " + source);
    }
  }

  private static List<String> exported(List<String> words) {
    List<String> problems = new ArrayList<>();
    for (String word : words.subList(1, words.size())) {
      String variable = word.split("=", 2)[0];
      if (!knownVariable(variable)) {
        problems.add("no setting named " + variable);
      }
    }
    return problems;
  }

  /** An operator setting, a local-mode setting (both documented in docs/), or KUBECONFIG. */
  private static boolean knownVariable(String name) {
    if (name.equals("KUBECONFIG")) {
      return true;
    }
    try (Stream<Path> pages =
        Stream.of(Path.of("docs/configuration.md"), Path.of("docs/local-mode.md"))) {
      return pages.anyMatch(
          page -> {
            try {
              return Files.readString(page).contains("| `" + name + "`");
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          });
    }
  }

  /** Every name kubectl accepts for a kind: plural, singular, short names, categories. */
  private static Map<String, CustomResourceDefinition> crdNames() throws IOException {
    Map<String, CustomResourceDefinition> names = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of("crds"))) {
      for (Path file : files.sorted().toList()) {
        CustomResourceDefinition crd =
            Serialization.unmarshal(Files.readString(file), CustomResourceDefinition.class);
        var spec = crd.getSpec().getNames();
        Set<String> all = new TreeSet<>();
        all.add(spec.getPlural());
        all.add(spec.getSingular());
        all.add(spec.getKind().toLowerCase(java.util.Locale.ROOT));
        all.addAll(spec.getShortNames());
        all.addAll(spec.getCategories());
        all.forEach(name -> names.putIfAbsent(name, crd));
      }
    }
    return names;
  }
}
