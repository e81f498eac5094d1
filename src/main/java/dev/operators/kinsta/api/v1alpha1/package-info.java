/**
 * The custom resources' Java model, from which the CRDs in {@code crds/} are generated: specs,
 * statuses and the schema annotations (validation, descriptions, printer columns). Depends on
 * nothing of the operator.
 */
@NullMarked
package dev.operators.kinsta.api.v1alpha1;

import org.jspecify.annotations.NullMarked;
