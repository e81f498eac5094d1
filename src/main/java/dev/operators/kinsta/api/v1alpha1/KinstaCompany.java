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
 * The Kinsta company behind a credentials Secret, read-only: its regions, users and API keys, and
 * what it runs in Kinsta against what resources manage. Nothing is ever written to Kinsta.
 */
@SchemaCustomizer(
    value = SchemaAddition.class,
    input =
        "{\"description\": \"The Kinsta company behind a credentials Secret, read-only: regions,"
            + " users, API keys, and what it runs against what resources manage.\", "
            + "\"properties\": {\"spec\": {\"description\": \"Which company (by its credentials) and"
            + " what to show.\"}, "
            + "\"status\": {\"description\": \"The company as the operator last read it from Kinsta.\", "
            + "\"properties\": {"
            + ApiGroup.CONDITIONS_DESCRIBED
            + "}}}}")
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames("kcompany")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason")
@AdditionalPrinterColumn(
    name = "Sites",
    jsonPath = ".status.sites.inKinsta",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Unmanaged",
    jsonPath = ".status.sites.unmanagedCount",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Key-Expiring",
    jsonPath = ".status.conditions[?(@.type==\"KeyExpiring\")].status")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class KinstaCompany extends CustomResource<KinstaCompanySpec, KinstaCompanyStatus>
    implements Namespaced {}
