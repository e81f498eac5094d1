package dev.operators.kinsta.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every condition and event reason the operator uses is a constant in one place per kind, and the
 * README lists each of them: condition reasons in its reasons table, event reasons under Events.
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
    for (String name : REASON_CLASSES) {
      for (Field field : Class.forName(name).getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
          field.setAccessible(true);
          reasons.add((String) field.get(null));
        }
      }
    }
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
