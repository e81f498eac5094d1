package dev.operators.kinsta.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import org.jspecify.annotations.Nullable;

/** What a {@link KinstaSite} should be. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "[has(self.wordpress), has(self.plain), has(self.clone), has(self.siteId)]"
            + ".filter(x, x).size() == 1",
    message = "exactly one of wordpress, plain, clone or siteId must be set")
@ValidationRule(
    value = "!(has(self.wordpress) || has(self.plain)) || has(self.region)",
    message = "region is required for wordpress and plain sites",
    fieldPath = ".region")
@ValidationRule(
    value =
        "has(self.wordpress) == has(oldSelf.wordpress) && has(self.plain) == has(oldSelf.plain)"
            + " && has(self.clone) == has(oldSelf.clone) && has(self.siteId) == has(oldSelf.siteId)",
    message = "the source of a site (wordpress, plain, clone or siteId) cannot change")
@ValidationRule(
    value = "!has(self.adoptByDisplayName) || !self.adoptByDisplayName || !has(self.siteId)",
    message = "adoptByDisplayName and siteId are two ways to adopt; set one",
    fieldPath = ".adoptByDisplayName")
@ValidationRule(
    value = "has(self.region) == has(oldSelf.region)",
    message = "region cannot be added or removed",
    fieldPath = ".region")
public class KinstaSiteSpec extends KinstaObjectSpec {

  @Size(min = 1, max = 120)
  @JsonPropertyDescription(
      "The site's display name in MyKinsta; defaults to metadata.name. The operator also uses "
          + "it to find a site it created but could not record, so keep it unique within the company.")
  public @Nullable String displayName;

  @Pattern("^[a-z]+-[a-z]+[0-9]+$")
  @ValidationRule(value = "self == oldSelf", message = "region is immutable")
  @JsonPropertyDescription(
      "Google Cloud region of the site, e.g. `us-central1` (GET /regions lists yours). "
          + "Required for wordpress and plain sites; immutable.")
  public @Nullable String region;

  @Pattern(Ids.UUID)
  @ValidationRule(value = "self == oldSelf", message = "siteId is immutable")
  @JsonPropertyDescription(
      "Adopt this existing Kinsta site instead of creating one. Adopted sites default to "
          + "deletionPolicy Retain.")
  public @Nullable String siteId;

  @JsonPropertyDescription(
      "Adopt the one existing site whose display name is this resource's, instead of creating a"
          + " site. Without it, a site that merely shares the name is never taken over: the"
          + " resource stalls with NameInUse. Adopted sites default to deletionPolicy Retain.")
  public @Nullable Boolean adoptByDisplayName;

  @JsonPropertyDescription(
      "Create the site with WordPress installed. Create-only: later changes are reported, "
          + "never applied.")
  public @Nullable WordPressSource wordpress;

  @JsonPropertyDescription("Create an empty site without WordPress (`plain: {}`).")
  public @Nullable PlainSource plain;

  @ValidationRule(value = "self == oldSelf", message = "clone is immutable")
  @JsonPropertyDescription("Create the site as a copy of an existing environment.")
  public @Nullable CloneSource clone;

  @JsonPropertyDescription("Settings of the live environment and the optional staging environment.")
  public @Nullable SiteEnvironments environments;

  @JsonPropertyDescription(
      "Delete (the default for created sites) removes the site from Kinsta with the "
          + "resource; Retain (the default for adopted sites) leaves it.")
  public @Nullable DeletionPolicy deletionPolicy;

  /** The display name used at Kinsta. */
  public String displayNameOr(String resourceName) {
    return displayName == null || displayName.isBlank() ? resourceName : displayName;
  }
}
