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
 * Work on a site, shaped like a Job (runs once) or, with a schedule, like a CronJob: clear caches,
 * restart PHP, push an environment, take or restore a backup, update plugins or themes, run a
 * WP-CLI command.
 */
@SchemaCustomizer(
    value = SchemaAddition.class,
    input =
        "{\"description\": \"A one-shot or scheduled action on a site: cache clearing, PHP restart, push, "
            + "backup restore, updates, WP-CLI.\", "
            + "\"properties\": {\"spec\": {\"description\": \"The action and, for repeated ones, its schedule.\"}, "
            + "\"status\": {\"description\": \"The action's runs and their outcome.\", "
            + "\"properties\": {"
            + ApiGroup.CONDITIONS_DESCRIBED
            + "}}}}")
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames("kaction")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason")
@AdditionalPrinterColumn(name = "Schedule", jsonPath = ".spec.schedule.cron")
@AdditionalPrinterColumn(
    name = "Last Schedule",
    jsonPath = ".status.lastScheduleTime",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class KinstaSiteAction extends CustomResource<KinstaSiteActionSpec, KinstaSiteActionStatus>
    implements Namespaced {}
