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
 * A database on Kinsta's application hosting (PostgreSQL, MySQL, MariaDB or Redis) and its
 * connection Secret.
 */
@SchemaCustomizer(
    value = SchemaAddition.class,
    input =
        "{\"description\": \"A database in Kinsta (PostgreSQL, MySQL, MariaDB or Redis) and its connection "
            + "Secret.\", "
            + "\"properties\": {\"spec\": {\"description\": \"The database as it should be in Kinsta.\"}, "
            + "\"status\": {\"description\": \"The database as the operator last saw it in Kinsta.\", "
            + "\"properties\": {"
            + ApiGroup.CONDITIONS_DESCRIBED
            + "}}}}")
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames("kdb")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason")
@AdditionalPrinterColumn(name = "Type", jsonPath = ".status.type")
@AdditionalPrinterColumn(name = "Size", jsonPath = ".status.size")
@AdditionalPrinterColumn(name = "Database ID", jsonPath = ".status.databaseId")
@AdditionalPrinterColumn(
    name = "Drift",
    jsonPath = ".status.driftCount",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class KinstaDatabase extends CustomResource<KinstaDatabaseSpec, KinstaDatabaseStatus>
    implements Namespaced {}
