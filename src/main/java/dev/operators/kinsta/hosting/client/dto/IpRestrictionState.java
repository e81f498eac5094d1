package dev.operators.kinsta.hosting.client.dto;

import java.util.List;

/** {@code GET|PUT …/ip-restriction}: allow or deny, on or off, and the addresses. */
public record IpRestrictionState(String type, boolean isEnabled, List<String> ipList) {}
