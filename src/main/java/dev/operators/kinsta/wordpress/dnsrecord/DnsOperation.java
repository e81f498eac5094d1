package dev.operators.kinsta.wordpress.dnsrecord;

import dev.operators.kinsta.api.v1alpha1.OperationType;

/** The Kinsta operations a DNS record's reconciler follows. */
enum DnsOperation implements OperationType {
  CREATE_DNS_RECORD,
  UPDATE_DNS_RECORD,
  DELETE_DNS_RECORD;
}
