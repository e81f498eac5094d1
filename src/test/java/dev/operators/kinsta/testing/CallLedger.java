package dev.operators.kinsta.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.operators.kinsta.simulator.Journal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a scenario may cost the company: the Kinsta calls it made, by endpoint, against the ledger
 * committed for it in {@code src/test/resources/ledgers/<scenario>.ledger}. More calls than the
 * ledger fail the test, naming each endpoint; fewer are reported, with the measured ledger written
 * to {@code target/ledgers/}, so that the commit that saves calls lowers the ledger with it. Run
 * with {@code -Dledgers.update=true} to write the measured ledgers over the committed ones.
 *
 * <p>Writes are exact. Reads depend on timing: operation polls on how fast Kinsta finishes, other
 * reads on where the company's periodic lists fall and, where resources contend for the budget, on
 * which reconcile a refused permit sends back; each read endpoint is allowed three more than the
 * ledger, or half as many again.
 */
public final class CallLedger {
  private static final Path COMMITTED = Path.of("src", "test", "resources", "ledgers");
  private static final Path MEASURED = Path.of("target", "ledgers");

  private CallLedger() {}

  /** The calls by endpoint ({@code METHOD /template}), sorted. */
  public static Map<String, Long> count(List<Journal.Entry> calls) {
    return calls.stream()
        .collect(
            Collectors.groupingBy(Journal.Entry::endpoint, TreeMap::new, Collectors.counting()));
  }

  /** Compares the calls with the scenario's ledger; fails naming each endpoint over it. */
  public static void check(String scenario, String description, List<Journal.Entry> calls) {
    Map<String, Long> measured = count(calls);
    String text = render(description, measured);
    write(MEASURED.resolve(scenario + ".ledger"), text);
    Path committed = COMMITTED.resolve(scenario + ".ledger");
    if (Boolean.getBoolean("ledgers.update")) {
      write(committed, text);
      return;
    }
    if (!Files.exists(committed)) {
      fail(
          "no ledger for "
              + scenario
              + " yet; the measured one is in "
              + MEASURED.resolve(scenario + ".ledger")
              + ":\n"
              + text);
    }
    Map<String, Long> allowed = parse(read(committed));
    List<String> over = new ArrayList<>();
    List<String> under = new ArrayList<>();
    for (String endpoint : new TreeSet<>(unionOf(measured, allowed))) {
      long made = measured.getOrDefault(endpoint, 0L);
      long ledger = allowed.getOrDefault(endpoint, 0L);
      long limit = limit(endpoint, ledger);
      if (made > limit) {
        over.add(endpoint + ": " + made + " calls, the ledger allows " + ledger);
      } else if (made < ledger) {
        under.add(endpoint + ": " + made + " calls, the ledger says " + ledger);
      }
    }
    if (!over.isEmpty()) {
      fail(
          scenario
              + " made more calls than its ledger ("
              + committed
              + "):\n  "
              + String.join("\n  ", over)
              + "\nmeasured:\n"
              + text);
    }
    if (!under.isEmpty()) {
      System.out.println(
          scenario
              + " made fewer calls than its ledger; lower it in the same commit (measured in "
              + MEASURED.resolve(scenario + ".ledger")
              + "):\n  "
              + String.join("\n  ", under));
    }
  }

  /** How many calls the ledger's figure allows (see the class comment). */
  static long limit(String endpoint, long ledger) {
    if (endpoint.startsWith("GET ")) {
      return Math.max(ledger + 3, ledger + (ledger + 1) / 2);
    }
    return ledger;
  }

  private static java.util.Set<String> unionOf(Map<String, Long> a, Map<String, Long> b) {
    java.util.Set<String> all = new TreeSet<>(a.keySet());
    all.addAll(b.keySet());
    return all;
  }

  static String render(String description, Map<String, Long> measured) {
    StringBuilder text = new StringBuilder();
    for (String line : description.split("\n")) {
      text.append("# ").append(line).append('\n');
    }
    text.append(
        "# calls by endpoint; more fails the test (writes exact, reads a little over: see"
            + " CallLedger)\n");
    int width = measured.keySet().stream().mapToInt(String::length).max().orElse(10) + 2;
    measured.forEach(
        (endpoint, calls) -> text.append(String.format("%-" + width + "s%d%n", endpoint, calls)));
    text.append(
        String.format(
            "%-" + width + "s%d%n",
            "total",
            measured.values().stream().mapToLong(Long::longValue).sum()));
    return text.toString();
  }

  static Map<String, Long> parse(String text) {
    Map<String, Long> ledger = new TreeMap<>();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int last = trimmed.lastIndexOf(' ');
      String endpoint = trimmed.substring(0, last).strip();
      if (!endpoint.equals("total")) {
        ledger.put(endpoint, Long.parseLong(trimmed.substring(last + 1)));
      }
    }
    return ledger;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
