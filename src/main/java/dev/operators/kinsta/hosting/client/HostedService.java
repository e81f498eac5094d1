package dev.operators.kinsta.hosting.client;

/** The kinds of Sevalla service that share sub-resources (domains, variables, access rules). */
public enum HostedService {
  APPLICATION("/applications"),
  STATIC_SITE("/static-sites"),
  DATABASE("/databases");

  final String collection;

  HostedService(String collection) {
    this.collection = collection;
  }
}
