package dev.operators.kinsta.wordpress.site;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.RedirectSpec;
import dev.operators.kinsta.wordpress.client.dto.RedirectRule;
import java.util.List;
import java.util.Optional;

/**
 * The next redirect change of an environment whose spec lists its rules: first a rule Kinsta has
 * that the spec does not (deleted), then a rule the spec has that Kinsta does not (added). Kinsta
 * gives rules no id and does not document how its UPDATE action matches the rule to replace, so a
 * changed rule is the old one deleted and the new one added.
 */
final class RedirectPlanner {
  private RedirectPlanner() {}

  static Optional<SettingChange> next(
      String label, List<RedirectSpec> spec, String envId, List<RedirectRule> current) {
    List<RedirectRule> wanted = spec.stream().map(RedirectPlanner::rule).toList();
    for (RedirectRule rule : current) {
      if (!wanted.contains(rule)) {
        return SettingChange.synchronous(
            SiteOperation.DELETE_REDIRECT,
            label,
            describe(rule),
            api -> api.access().deleteRedirectRule(envId, rule));
      }
    }
    for (RedirectRule rule : wanted) {
      if (!current.contains(rule)) {
        return SettingChange.synchronous(
            SiteOperation.ADD_REDIRECT,
            label,
            describe(rule),
            api -> api.access().addRedirectRule(envId, rule));
      }
    }
    return Optional.empty();
  }

  static RedirectRule rule(RedirectSpec spec) {
    return new RedirectRule(
        spec.domain,
        requireNonNull(spec.from, "redirects[].from"),
        requireNonNull(spec.to, "redirects[].to"),
        (spec.type == null ? RedirectSpec.Type.PERMANENT : spec.type).wire());
  }

  private static String describe(RedirectRule rule) {
    return (rule.domain() == null ? "" : rule.domain()) + rule.from() + " -> " + rule.to();
  }
}
