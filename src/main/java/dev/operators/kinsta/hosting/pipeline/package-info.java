/**
 * KinstaPipeline: Sevalla pipelines, their stages, the applications in them and their previews.
 * Uses the shared machinery, the Kinsta client and the API model; never another kind's package.
 */
package dev.operators.kinsta.hosting.pipeline;
