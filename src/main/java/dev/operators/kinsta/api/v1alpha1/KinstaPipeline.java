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
 * A Sevalla pipeline, created or adopted: its stages with their branches and applications, its
 * preview applications, and what happens to it when the resource is deleted.
 */
@SchemaCustomizer(
    value = SchemaAddition.class,
    input =
        "{\"description\": \"A Sevalla pipeline: stages, the applications in them, preview"
            + " applications and deletion policy.\", "
            + "\"properties\": {\"spec\": {\"description\": \"The pipeline as it should be.\"}, "
            + "\"status\": {\"description\": \"The pipeline as the operator last saw it.\", "
            + "\"properties\": {"
            + ApiGroup.CONDITIONS_DESCRIBED
            + "}}}}")
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames("kpipe")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason")
@AdditionalPrinterColumn(name = "Type", jsonPath = ".status.type")
@AdditionalPrinterColumn(name = "Previews", jsonPath = ".status.previews.enabled")
@AdditionalPrinterColumn(name = "Pipeline ID", jsonPath = ".status.pipelineId")
@AdditionalPrinterColumn(
    name = "Drift",
    jsonPath = ".status.driftCount",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class KinstaPipeline extends CustomResource<KinstaPipelineSpec, KinstaPipelineStatus>
    implements Namespaced {}
