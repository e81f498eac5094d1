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
 * One piece of day-2 work on an application, run once per generation like a Job: clear its cache,
 * promote it onto other applications of its pipeline, or make a preview application.
 */
@SchemaCustomizer(
    value = SchemaAddition.class,
    input =
        "{\"description\": \"Day-2 work on a Kinsta application, run once per generation: clear"
            + " its cache, promote it, or create a preview application from a pipeline.\", "
            + "\"properties\": {\"spec\": {\"description\": \"What to do, and on which"
            + " application.\"}, "
            + "\"status\": {\"description\": \"The run and what it made.\", "
            + "\"properties\": {"
            + ApiGroup.CONDITIONS_DESCRIBED
            + "}}}}")
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames("kappaction")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason")
@AdditionalPrinterColumn(name = "Outcome", jsonPath = ".status.outcome")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class KinstaApplicationAction
    extends CustomResource<KinstaApplicationActionSpec, KinstaApplicationActionStatus>
    implements Namespaced {}
