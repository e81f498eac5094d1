package dev.operators.kinsta.client.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of {@code PUT /static-sites/{id}}: the fields left null are not sent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StaticSiteSettings(
    String displayName,
    Boolean autoDeploy,
    String defaultBranch,
    String buildCommand,
    String nodeVersion,
    String publishedDirectory) {}
