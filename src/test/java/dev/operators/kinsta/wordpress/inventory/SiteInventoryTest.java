package dev.operators.kinsta.wordpress.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.operators.kinsta.testing.MutableClock;
import dev.operators.kinsta.wordpress.client.KinstaApi;
import dev.operators.kinsta.wordpress.client.dto.Environment;
import dev.operators.kinsta.wordpress.client.dto.Site;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The inventory's own bookkeeping, with the order of events fixed by the test: a site the operator
 * changed while a list was under way is not answered for by that list, which may predate the
 * change.
 */
class SiteInventoryTest {

  @Test
  void aChangeMarkedWhileAListIsUnderWayOutlivesThatList() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    SiteInventory inventory = new SiteInventory(Duration.ofMinutes(5), clock);
    AtomicReference<Runnable> duringList = new AtomicReference<>(() -> {});
    AtomicInteger ownReads = new AtomicInteger();
    InvocationHandler calls =
        new InvocationHandler() {
          @Override
          public Object invoke(Object proxy, Method method, Object[] args) {
            return switch (method.getName()) {
              case "sites", "environments" -> fake(method.getReturnType(), this);
              case "listSites" -> {
                duringList.get().run();
                yield List.of(site("php8.1"));
              }
              case "listEnvironments" -> {
                ownReads.incrementAndGet();
                yield List.of(live("php8.3"));
              }
              default -> throw new UnsupportedOperationException(method.getName());
            };
          }
        };
    KinstaApi kinsta = fake(KinstaApi.class, calls);

    inventory.site(kinsta, "acme", "site-1");
    clock.advance(Duration.ofMinutes(6));
    // The operator's change to the site lands while the next list is being taken.
    duringList.set(
        () -> {
          clock.advance(Duration.ofSeconds(1));
          inventory.changed("acme", "site-1");
        });

    SiteInventory.SiteView view = inventory.site(kinsta, "acme", "site-1");

    assertEquals(1, ownReads.get(), "the site is read on its own, not from the older list");
    assertEquals("8.3", view.environments().get(0).phpVersion());
  }

  /** A client of which only the calls the inventory makes answer, areas included. */
  private static <T> T fake(Class<T> type, InvocationHandler calls) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, calls));
  }

  private static Site site(String php) {
    return new Site("site-1", "shop", "Shop", "acme", "live", List.of(live(php)));
  }

  private static Environment live(String php) {
    return new Environment(
        "env-1",
        "live",
        "Live",
        false,
        false,
        null,
        null,
        false,
        "",
        "off",
        "6.5",
        false,
        List.of(),
        null,
        new Environment.ContainerInfo("c-1", php),
        null);
  }
}
