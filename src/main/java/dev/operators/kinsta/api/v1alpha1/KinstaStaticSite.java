package dev.operators.kinsta.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A static site, adopted (the API cannot create one): its settings, its deployments, and what
 * happens to it when the resource is deleted.
 */
@SchemaCustomizer(
    value = SchemaAddition.class,
    input =
        "{\"description\": \"A Kinsta static site, adopted by id or name: settings, deployments and"
            + " deletion policy.\", "
            + "\"properties\": {\"spec\": {\"description\": \"The static site as it should be.\"}, "
            + "\"status\": {\"description\": \"The static site as the operator last saw it.\", "
            + "\"properties\": {"
            + ApiGroup.CONDITIONS_DESCRIBED
            + "}}}}")
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames("kstatic")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason")
@AdditionalPrinterColumn(name = "Host", jsonPath = ".status.hostname")
@AdditionalPrinterColumn(name = "Deployment", jsonPath = ".status.lastDeployment.status")
@AdditionalPrinterColumn(
    name = "Drift",
    jsonPath = ".status.driftCount",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class KinstaStaticSite extends CustomResource<KinstaStaticSiteSpec, KinstaStaticSiteStatus>
    implements Namespaced {}
