package dev.operators.kinsta.wordpress.site;

import static java.util.Objects.requireNonNull;

import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings;
import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings.DomainSpec;
import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings.PhpAllocation;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.AddDomainRequest;
import dev.operators.kinsta.wordpress.client.dto.Domain;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import dev.operators.kinsta.wordpress.client.dto.OperationRef;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Finds the first setting of an environment that differs from what Kinsta reports. Settings left
 * out of the spec are not managed. The order is fixed (PHP, edge caching, image optimisation, web
 * root, domains, denied IPs, PHP allocation), so changes are applied one operation at a time in a
 * predictable sequence.
 */
final class EnvironmentPlanner {
  /** Kinsta's own domains, which the operator never removes. */
  static final String KINSTA_DOMAIN_SUFFIX = ".kinsta.cloud";

  private EnvironmentPlanner() {}

  /**
   * The settings that differ, one change per setting in a fixed order: the first only, or with
   * {@code all} every one (what Observe reports as the plan). Each check runs at most once and
   * reads only what its setting needs; without {@code all}, no check after the first difference
   * runs.
   *
   * @param appliedAllocation the allocation last applied by the operator, since Kinsta cannot
   *     report it
   * @param allocationCall how to change the allocation of this environment, or null when it has
   *     none of its own
   * @param reads what the environment's settings need beyond the site list, read only when the spec
   *     manages them
   * @param status where the SFTP/SSH settings Kinsta cannot report are recorded once applied
   */
  static List<SettingChange> changes(
      boolean all,
      String label,
      @Nullable EnvironmentSettings spec,
      Environment env,
      @Nullable PhpAllocation appliedAllocation,
      @Nullable AllocationCall allocationCall,
      EnvironmentReads reads,
      KinstaSiteStatus status) {
    Stream<SettingChange> found =
        checks(label, spec, env, appliedAllocation, allocationCall, reads, status)
            .map(Supplier::get)
            .flatMap(Optional::stream);
    return (all ? found : found.limit(1)).toList();
  }

  private static Stream<Supplier<Optional<SettingChange>>> checks(
      String label,
      @Nullable EnvironmentSettings spec,
      Environment env,
      @Nullable PhpAllocation appliedAllocation,
      @Nullable AllocationCall allocationCall,
      EnvironmentReads reads,
      KinstaSiteStatus status) {
    if (spec == null) {
      return Stream.empty();
    }
    return Stream.of(
        () -> phpVersion(label, spec, env),
        () -> edgeCaching(label, spec, env),
        () -> imageOptimization(label, spec, env),
        () -> webroot(label, spec, env),
        () -> spec.domains == null ? Optional.empty() : domains(label, spec.domains, env),
        () -> deniedIps(label, spec, env, reads),
        () ->
            spec.ssh == null
                ? Optional.empty()
                : SshPlanner.next(label, spec.ssh, env.id(), reads::ssh, status),
        () ->
            spec.redirects == null
                ? Optional.empty()
                : RedirectPlanner.next(label, spec.redirects, env.id(), reads.redirects()),
        () ->
            spec.sftpAccounts == null
                ? Optional.empty()
                : SftpAccountPlanner.next(label, spec.sftpAccounts, env, reads, status),
        () -> phpAllocation(label, spec, appliedAllocation, allocationCall));
  }

  private static Optional<SettingChange> phpVersion(
      String label, EnvironmentSettings spec, Environment env) {
    if (spec.phpVersion == null || spec.phpVersion.version().equals(env.phpVersion())) {
      return Optional.empty();
    }
    String version = spec.phpVersion.version();
    String envId = env.id();
    return change(
            SiteOperation.MODIFY_PHP_VERSION,
            label,
            version,
            api -> api.environments().modifyPhpVersion(envId, version))
        .map(c -> c.from(env.phpVersion()));
  }

  private static Optional<SettingChange> edgeCaching(
      String label, EnvironmentSettings spec, Environment env) {
    if (spec.edgeCaching == null || spec.edgeCaching == env.edgeCachingEnabled()) {
      return Optional.empty();
    }
    boolean enabled = spec.edgeCaching;
    String envId = env.id();
    return change(
            SiteOperation.SET_EDGE_CACHING,
            label,
            enabled ? "on" : "off",
            api -> api.environments().setEdgeCaching(envId, enabled))
        .map(c -> c.from(enabled ? "off" : "on"));
  }

  private static Optional<SettingChange> imageOptimization(
      String label, EnvironmentSettings spec, Environment env) {
    if (spec.cdnImageOptimization == null) {
      return Optional.empty();
    }
    String current = Objects.requireNonNullElse(env.imageOptimizationType(), "off");
    String wanted = spec.cdnImageOptimization.wire();
    if (wanted.equals(current)) {
      return Optional.empty();
    }
    String envId = env.id();
    return change(
            SiteOperation.SET_IMAGE_OPTIMIZATION,
            label,
            wanted,
            api -> api.environments().setImageOptimization(envId, wanted))
        .map(c -> c.from(current));
  }

  private static Optional<SettingChange> webroot(
      String label, EnvironmentSettings spec, Environment env) {
    if (spec.webrootSubfolder == null) {
      return Optional.empty();
    }
    String current = Objects.requireNonNullElse(env.webRoot(), "");
    if (normalisePath(spec.webrootSubfolder).equals(normalisePath(current))) {
      return Optional.empty();
    }
    String wanted = spec.webrootSubfolder;
    String envId = env.id();
    return change(
            SiteOperation.CHANGE_WEBROOT,
            label,
            wanted.isEmpty() ? "(default)" : wanted,
            api -> api.environments().changeWebrootSubfolder(envId, wanted))
        .map(c -> c.from(current.isEmpty() ? "(default)" : current));
  }

  private static Optional<SettingChange> deniedIps(
      String label, EnvironmentSettings spec, Environment env, EnvironmentReads reads) {
    if (spec.deniedIps == null) {
      return Optional.empty();
    }
    List<String> current = reads.deniedIps();
    if (new HashSet<>(spec.deniedIps).equals(new HashSet<>(current))) {
      return Optional.empty();
    }
    List<String> list = List.copyOf(spec.deniedIps);
    String envId = env.id();
    return SettingChange.synchronous(
            SiteOperation.UPDATE_DENIED_IPS,
            label,
            list.size() + " entries",
            api -> api.access().updateDeniedIps(envId, list))
        .map(c -> c.from(current.size() + " entries"));
  }

  private static Optional<SettingChange> phpAllocation(
      String label,
      EnvironmentSettings spec,
      @Nullable PhpAllocation appliedAllocation,
      @Nullable AllocationCall allocationCall) {
    if (spec.phpAllocation == null
        || allocationCall == null
        || sameAllocation(spec.phpAllocation, appliedAllocation)) {
      return Optional.empty();
    }
    PhpAllocation wanted = spec.phpAllocation;
    int threadCount = requireNonNull(wanted.threadCount, "phpAllocation.threadCount");
    int threadMemory = requireNonNull(wanted.threadMemory, "phpAllocation.threadMemory");
    return Optional.of(
        new SettingChange(
            SiteOperation.CHANGE_PHP_ALLOCATION,
            label,
            formatAllocation(wanted),
            wanted,
            false,
            api -> allocationCall.change(api, threadCount, threadMemory),
            appliedAllocation == null ? "(not applied yet)" : formatAllocation(appliedAllocation)));
  }

  private static String nameOf(DomainSpec domain) {
    return requireNonNull(domain.name, "domains[].name").toLowerCase(Locale.ROOT);
  }

  private static Optional<SettingChange> domains(
      String label, List<DomainSpec> wanted, Environment env) {
    List<Domain> current = env.domainsOrEmpty();
    for (DomainSpec domain : wanted) {
      String name = nameOf(domain);
      if (current.stream().noneMatch(d -> name.equalsIgnoreCase(d.name()))) {
        return change(
            SiteOperation.ADD_DOMAIN,
            label,
            name,
            api -> api.environments().addDomain(env.id(), AddDomainRequest.of(name)));
      }
    }
    Set<String> wantedNames = new HashSet<>();
    wanted.forEach(d -> wantedNames.add(nameOf(d)));
    List<Domain> extra =
        current.stream()
            .filter(d -> !wantedNames.contains(d.name().toLowerCase(Locale.ROOT)))
            .filter(d -> !d.name().toLowerCase(Locale.ROOT).endsWith(KINSTA_DOMAIN_SUFFIX))
            // The primary domain goes only after another one became primary (Kinsta needs one).
            .filter(d -> env.primaryDomain() == null || !d.id().equals(env.primaryDomain().id()))
            .toList();
    if (!extra.isEmpty()) {
      List<String> ids = extra.stream().map(Domain::id).toList();
      String names = String.join(", ", extra.stream().map(Domain::name).toList());
      return Optional.of(
          new SettingChange(
              SiteOperation.DELETE_DOMAINS,
              label,
              names,
              null,
              true,
              api -> api.environments().deleteDomains(env.id(), ids)));
    }
    Optional<DomainSpec> primary =
        wanted.stream().filter(d -> Boolean.TRUE.equals(d.primary)).findFirst();
    if (primary.isPresent()) {
      String name = nameOf(primary.get());
      boolean isPrimary =
          env.primaryDomain() != null && name.equalsIgnoreCase(env.primaryDomain().name());
      Optional<Domain> target =
          current.stream().filter(d -> name.equalsIgnoreCase(d.name())).findFirst();
      if (!isPrimary && target.isPresent()) {
        String id = target.get().id();
        return change(
            SiteOperation.CHANGE_PRIMARY_DOMAIN,
            label,
            name,
            api -> api.environments().changePrimaryDomain(env.id(), id, true));
      }
    }
    return Optional.empty();
  }

  static String formatAllocation(PhpAllocation allocation) {
    return allocation.threadCount + " threads x " + allocation.threadMemory + " MB";
  }

  private static boolean sameAllocation(PhpAllocation a, @Nullable PhpAllocation b) {
    return b != null
        && Objects.equals(a.threadCount, b.threadCount)
        && Objects.equals(a.threadMemory, b.threadMemory);
  }

  private static String normalisePath(String path) {
    String trimmed = path.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }

  private static Optional<SettingChange> change(
      SiteOperation type, String label, String value, Function<KinstaApi, OperationRef> call) {
    return Optional.of(new SettingChange(type, label, value, null, false, call));
  }

  /**
   * Changes the PHP allocation an environment uses: the site's for live, the environment's for
   * premium staging.
   */
  @FunctionalInterface
  interface AllocationCall {
    OperationRef change(KinstaApi api, int threadCount, int threadMemory);
  }
}
