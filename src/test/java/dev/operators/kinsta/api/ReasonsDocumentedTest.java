package dev.operators.kinsta.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.reconcile.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every condition and event reason the operator uses is an enum constant in one place per kind, and
 * docs/kinds.md lists each of them: condition reasons in its reasons table, event reasons under
 * Events, and the stalls that may clear (those the enums mark {@code @MayClear}) by name.
 */
class ReasonsDocumentedTest {
  private static final List<String> REASON_CLASSES =
      List.of(
          "dev.operators.kinsta.reconcile.Reasons",
          "dev.operators.kinsta.wordpress.site.SiteReasons",
          "dev.operators.kinsta.hosting.database.DatabaseReasons",
          "dev.operators.kinsta.hosting.application.ApplicationReasons",
          "dev.operators.kinsta.hosting.internalconnection.ConnectionReasons",
          "dev.operators.kinsta.wordpress.dnsrecord.DnsReasons",
          "dev.operators.kinsta.company.CompanyReasons",
          "dev.operators.kinsta.hosting.applicationaction.ApplicationActionReasons",
          "dev.operators.kinsta.hosting.staticsite.StaticSiteReasons",
          "dev.operators.kinsta.hosting.pipeline.PipelineReasons",
          "dev.operators.kinsta.wordpress.siteaction.ActionReasons");
  private static final Pattern CODE = Pattern.compile("`([A-Z][A-Za-z]+)`");

  @Test
  void everyReasonIsInTheReadmeAndEveryDocumentedReasonExists() throws Exception {
    Set<String> reasons = new TreeSet<>();
    allReasons().forEach(reason -> reasons.add(reason.code()));
    String readme = Files.readString(Path.of("docs/kinds.md"));
    Set<String> table = new TreeSet<>();
    section(readme, "### Conditions and reasons", "### Events")
        .lines()
        .filter(l -> l.startsWith("| `"))
        .forEach(row -> table.addAll(codes(row.substring(0, row.indexOf('|', 1)))));
    Set<String> events = codes(section(readme, "### Events", "## "));

    Set<String> undocumented = new TreeSet<>(reasons);
    undocumented.removeAll(table);
    undocumented.removeAll(events);
    assertEquals(Set.of(), undocumented, "reasons docs/kinds.md does not list");
    Set<String> unknown = new TreeSet<>(table);
    unknown.removeAll(reasons);
    assertEquals(Set.of(), unknown, "reasons docs/kinds.md lists that no code uses");
    assertTrue(reasons.size() > 40, reasons.toString());
  }

  /** The stalls that may clear are those the paragraph after the table names, and no others. */
  @Test
  void theStallsThatMayClearAreTheOnesDocumented() throws Exception {
    Set<String> mayClear = new TreeSet<>();
    allReasons().filter(Reason::mayClear).forEach(reason -> mayClear.add(reason.code()));
    String kinds = Files.readString(Path.of("docs/kinds.md"));
    Set<String> documented =
        codes(section(kinds, "is looked at again every", "Every other stall reason"));
    documented.remove("KINSTA_STALLED_RETRY");
    assertEquals(mayClear, documented);
    assertTrue(mayClear.size() >= 10, mayClear.toString());
  }

  private static Stream<Reason> allReasons() throws ClassNotFoundException {
    List<Reason> all = new ArrayList<>();
    for (String name : REASON_CLASSES) {
      Object[] constants = Class.forName(name).getEnumConstants();
      assertTrue(constants != null && constants.length > 0, name + " is an enum of reasons");
      for (Object constant : constants) {
        all.add((Reason) constant);
      }
    }
    return all.stream();
  }

  private static String section(String text, String heading, String next) {
    int start = text.indexOf(heading);
    int end = text.indexOf(next, start + heading.length());
    return text.substring(start, end < 0 ? text.length() : end);
  }

  private static Set<String> codes(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = CODE.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
