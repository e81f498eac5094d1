package dev.operators.kinsta.wordpress.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings;
import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings.DomainSpec;
import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings.ImageOptimization;
import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings.PhpAllocation;
import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings.PhpVersion;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus;
import dev.operators.kinsta.api.v1alpha1.SftpAccountsSettings;
import dev.operators.kinsta.wordpress.client.dto.Domain;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import dev.operators.kinsta.wordpress.client.dto.RedirectRule;
import dev.operators.kinsta.wordpress.client.dto.SftpAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Whatever differs between the spec and an environment, the planner proposes one change at a time
 * in its fixed order, and applying each proposal ends with the environment matching the spec.
 */
class EnvironmentPlannerPropertiesTest {
  private static final List<SiteOperation> ORDER =
      List.of(
          SiteOperation.MODIFY_PHP_VERSION,
          SiteOperation.SET_EDGE_CACHING,
          SiteOperation.SET_IMAGE_OPTIMIZATION,
          SiteOperation.CHANGE_WEBROOT,
          SiteOperation.ADD_DOMAIN,
          SiteOperation.DELETE_DOMAINS,
          SiteOperation.CHANGE_PRIMARY_DOMAIN,
          SiteOperation.UPDATE_DENIED_IPS,
          SiteOperation.CHANGE_PHP_ALLOCATION);

  /** What the test's Kinsta holds for one environment; each accepted change is applied to it. */
  private static final class FakeEnvironment {
    String php = "8.1";
    String edgeCache = null;
    String imageOptimization = "off";
    String webRoot = "";
    List<Domain> domains = new ArrayList<>(List.of(new Domain("d0", "shop.kinsta.cloud", "live")));
    Domain primary = domains.get(0);
    List<String> deniedIps = new ArrayList<>();
    PhpAllocation allocation = null;

    Environment asKinstaReportsIt() {
      return new Environment(
          "env-1",
          "live",
          "Live",
          false,
          false,
          edgeCache,
          null,
          false,
          webRoot,
          imageOptimization,
          "6.7",
          false,
          List.copyOf(domains),
          primary,
          new Environment.ContainerInfo("c1", "php" + php),
          null);
    }

    void apply(SettingChange change, EnvironmentSettings spec) {
      switch (change.type()) {
        case MODIFY_PHP_VERSION -> php = spec.phpVersion.version();
        case SET_EDGE_CACHING -> edgeCache = spec.edgeCaching ? "edge-1" : null;
        case SET_IMAGE_OPTIMIZATION -> imageOptimization = spec.cdnImageOptimization.wire();
        case CHANGE_WEBROOT -> webRoot = spec.webrootSubfolder;
        case ADD_DOMAIN ->
            domains.add(new Domain("d" + domains.size() + 1, change.value(), "live"));
        case DELETE_DOMAINS ->
            domains.removeIf(d -> List.of(change.value().split(", ")).contains(d.name()));
        case CHANGE_PRIMARY_DOMAIN ->
            primary =
                domains.stream()
                    .filter(d -> d.name().equals(change.value()))
                    .findFirst()
                    .orElseThrow();
        case UPDATE_DENIED_IPS -> deniedIps = new ArrayList<>(spec.deniedIps);
        case CHANGE_PHP_ALLOCATION -> allocation = change.allocation();
        default -> throw new AssertionError("unexpected change " + change.type());
      }
    }
  }

  @Property(tries = 500)
  void changesComeOneAtATimeInTheFixedOrderAndConverge(
      @ForAll boolean php,
      @ForAll boolean edge,
      @ForAll boolean images,
      @ForAll boolean webRoot,
      @ForAll boolean domains,
      @ForAll boolean primary,
      @ForAll boolean denied,
      @ForAll boolean allocation) {
    EnvironmentSettings spec = new EnvironmentSettings();
    spec.phpVersion = php ? PhpVersion.V8_3 : null;
    spec.edgeCaching = edge ? Boolean.TRUE : null;
    spec.cdnImageOptimization = images ? ImageOptimization.LOSSY : null;
    spec.webrootSubfolder = webRoot ? "public" : null;
    spec.domains =
        domains ? List.of(new DomainSpec("shop.example.com", primary ? Boolean.TRUE : null)) : null;
    spec.deniedIps = denied ? List.of("203.0.113.9") : null;
    spec.phpAllocation = allocation ? new PhpAllocation(4, 256) : null;
    FakeEnvironment kinsta = new FakeEnvironment();

    List<SiteOperation> applied = new ArrayList<>();
    for (int step = 0; step < 20; step++) {
      Optional<SettingChange> next =
          EnvironmentPlanner.changes(
                  false,
                  "live",
                  spec,
                  kinsta.asKinstaReportsIt(),
                  kinsta.allocation,
                  (api, threads, memory) -> null,
                  new EnvironmentReads() {
                    @Override
                    public List<String> deniedIps() {
                      return kinsta.deniedIps;
                    }

                    @Override
                    public EnvironmentExtras.SshAccess ssh() {
                      throw new AssertionError("SFTP/SSH is read only when the spec manages it");
                    }

                    @Override
                    public List<RedirectRule> redirects() {
                      throw new AssertionError(
                          "redirects are read only when the spec manages them");
                    }

                    @Override
                    public SftpAccounts sftpAccounts() {
                      throw new AssertionError(
                          "SFTP accounts are read only when the spec manages them");
                    }

                    @Override
                    public SftpPassword sftpPassword(
                        String label, SftpAccountsSettings.Account account) {
                      throw new AssertionError("no SFTP account in these specs");
                    }
                  },
                  new KinstaSiteStatus())
              .stream()
              .findFirst();
      if (next.isEmpty()) {
        break;
      }
      applied.add(next.get().type());
      kinsta.apply(next.get(), spec);
    }

    assertTrue(applied.size() < 20, "the plan converges: " + applied);
    List<Integer> positions = applied.stream().map(ORDER::indexOf).toList();
    assertEquals(positions.stream().sorted().toList(), positions, "in the fixed order: " + applied);
    assertEquals(applied.stream().distinct().toList(), applied, "each change once: " + applied);
    assertEquals(php, applied.contains(SiteOperation.MODIFY_PHP_VERSION));
    assertEquals(allocation, applied.contains(SiteOperation.CHANGE_PHP_ALLOCATION));
    assertEquals(domains, applied.contains(SiteOperation.ADD_DOMAIN));
  }
}
