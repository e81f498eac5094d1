package dev.operators.kinsta.wordpress.client.dto;

/**
 * How to reach an environment over SSH/SFTP, from {@code GET
 * /sites/{site_id}/environments/{env_id}/ssh/config}; no password.
 */
public record SshConfig(String host, String port, String user, String sshCommand) {}
