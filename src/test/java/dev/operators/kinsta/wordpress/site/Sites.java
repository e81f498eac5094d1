package dev.operators.kinsta.wordpress.site;

import dev.operators.kinsta.api.v1alpha1.CloneSource;
import dev.operators.kinsta.api.v1alpha1.CredentialsReference;
import dev.operators.kinsta.api.v1alpha1.EnvironmentSettings;
import dev.operators.kinsta.api.v1alpha1.KinstaSite;
import dev.operators.kinsta.api.v1alpha1.KinstaSiteSpec;
import dev.operators.kinsta.api.v1alpha1.PlainSource;
import dev.operators.kinsta.api.v1alpha1.SecretKeyReference;
import dev.operators.kinsta.api.v1alpha1.SiteEnvironments;
import dev.operators.kinsta.api.v1alpha1.WordPressSource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/** KinstaSite objects for tests. */
public final class Sites {
  private Sites() {}

  public static KinstaSite wordpress(String name) {
    KinstaSite site = bare(name);
    site.getSpec().region = "us-central1";
    WordPressSource wp = new WordPressSource();
    wp.siteTitle = "Shop";
    wp.adminUser = "admin";
    wp.adminEmail = "ops@acme.example";
    wp.adminPasswordSecretRef = new SecretKeyReference("shop-admin", "password");
    site.getSpec().wordpress = wp;
    return site;
  }

  public static KinstaSite plain(String name) {
    KinstaSite site = bare(name);
    site.getSpec().region = "europe-west1";
    site.getSpec().plain = new PlainSource();
    return site;
  }

  /** A plain site whose live environment runs PHP 8.3: drift is a PHP version changed back. */
  public static KinstaSite plainOnPhp83(String name) {
    KinstaSite site = plain(name);
    site.getSpec().environments = new SiteEnvironments();
    site.getSpec().environments.live = new EnvironmentSettings();
    site.getSpec().environments.live.phpVersion = EnvironmentSettings.PhpVersion.V8_3;
    return site;
  }

  public static KinstaSite cloneOf(String name, String sourceEnvironmentId) {
    KinstaSite site = bare(name);
    site.getSpec().clone = new CloneSource();
    site.getSpec().clone.sourceEnvironmentId = sourceEnvironmentId;
    return site;
  }

  public static KinstaSite adopted(String name, String siteId) {
    KinstaSite site = bare(name);
    site.getSpec().siteId = siteId;
    return site;
  }

  private static KinstaSite bare(String name) {
    KinstaSite site = new KinstaSite();
    site.setMetadata(new ObjectMetaBuilder().withName(name).build());
    KinstaSiteSpec spec = new KinstaSiteSpec();
    spec.credentialsRef = new CredentialsReference("kinsta");
    site.setSpec(spec);
    return site;
  }
}
