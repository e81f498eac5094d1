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
 * One record set (a type and a name, with its values) in a Kinsta DNS zone. Records no resource
 * manages are never touched.
 */
@SchemaCustomizer(
    value = SchemaAddition.class,
    input =
        "{\"description\": \"A DNS record set in a Kinsta DNS zone: its type, name, TTL and values.\", "
            + "\"properties\": {\"spec\": {\"description\": \"The record as it should be in Kinsta DNS.\"}, "
            + "\"status\": {\"description\": \"The record as the operator last saw it in Kinsta DNS.\", "
            + "\"properties\": {"
            + ApiGroup.CONDITIONS_DESCRIBED
            + "}}}}")
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames("kdns")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason")
@AdditionalPrinterColumn(name = "Type", jsonPath = ".spec.type")
@AdditionalPrinterColumn(name = "Record", jsonPath = ".status.fqdn")
@AdditionalPrinterColumn(name = "Values", jsonPath = ".status.values")
@AdditionalPrinterColumn(
    name = "Drift",
    jsonPath = ".status.driftCount",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class KinstaDnsRecord extends CustomResource<KinstaDnsRecordSpec, KinstaDnsRecordStatus>
    implements Namespaced {}
