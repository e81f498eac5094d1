package dev.operators.kinsta.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A WordPress site on Kinsta, with its live environment and optionally one staging environment. */
@SchemaCustomizer(
    value = SchemaAddition.class,
    input =
        "{\"description\": \"A WordPress site (or a plain one) in Kinsta, with its live and staging "
            + "environments.\", "
            + "\"properties\": {\"spec\": {\"description\": \"The site as it should be in Kinsta.\"}, "
            + "\"status\": {\"description\": \"The site as the operator last saw it in Kinsta.\", "
            + "\"properties\": {"
            + ApiGroup.CONDITIONS_DESCRIBED
            + "}}}}")
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames("ksite")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason")
@AdditionalPrinterColumn(name = "Site ID", jsonPath = ".status.siteId")
@AdditionalPrinterColumn(
    name = "Drift",
    jsonPath = ".status.driftCount",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class KinstaSite extends CustomResource<KinstaSiteSpec, KinstaSiteStatus>
    implements Namespaced {}
