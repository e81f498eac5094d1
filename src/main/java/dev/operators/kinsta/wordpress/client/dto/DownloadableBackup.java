package dev.operators.kinsta.wordpress.client.dto;

import org.jspecify.annotations.Nullable;

/**
 * A backup made ready to download. Kinsta's answer also carries the download link, which is not
 * read: anyone holding it downloads the site, so it stays in MyKinsta.
 */
public record DownloadableBackup(
    String id,
    @Nullable Long createdAt,
    @Nullable Long expiresAt,
    @Nullable Boolean isGenerationInProgress) {}
