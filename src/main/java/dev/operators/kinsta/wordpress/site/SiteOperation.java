package dev.operators.kinsta.wordpress.site;

import dev.operators.kinsta.api.v1alpha1.KinstaSiteStatus;
import dev.operators.kinsta.api.v1alpha1.OperationType;
import dev.operators.kinsta.api.v1alpha1.TrackedOperation;
import dev.operators.kinsta.reconcile.Reason;
import dev.operators.kinsta.wordpress.client.dto.OperationStatus;
import java.util.Arrays;
import java.util.Optional;

/**
 * The Kinsta operations a site's reconciler starts, and what each one's success records in the
 * status.
 */
enum SiteOperation implements OperationType, Reason {
  CREATE_SITE {
    @Override
    void succeeded(KinstaSiteStatus status, TrackedOperation operation, OperationStatus result) {
      result
          .dataText("idSite")
          .ifPresent(
              id -> {
                status.siteId = id;
                status.creation = null;
              });
    }
  },
  DELETE_SITE,
  CREATE_STAGING,
  DELETE_STAGING {
    @Override
    void succeeded(KinstaSiteStatus status, TrackedOperation operation, OperationStatus result) {
      status.stagingEnvironmentId = null;
    }
  },
  MODIFY_PHP_VERSION,
  SET_EDGE_CACHING,
  SET_IMAGE_OPTIMIZATION,
  CHANGE_WEBROOT,
  ADD_DOMAIN,
  DELETE_DOMAINS,
  CHANGE_PRIMARY_DOMAIN,
  UPDATE_DENIED_IPS,
  SET_SSH_ACCESS,
  SET_SSH_ALLOWED_IPS,
  SET_SSH_PASSWORD_AUTHENTICATION,
  SET_SSH_PASSWORD_EXPIRATION,
  DELETE_REDIRECT,
  ADD_REDIRECT,
  SET_SFTP_ACCOUNTS,
  DELETE_SFTP_ACCOUNT,
  ADD_SFTP_ACCOUNT,
  CHANGE_PHP_ALLOCATION {
    // Kinsta cannot report an allocation, so the one last
    // applied is what later reconciles compare against.
    @Override
    void succeeded(KinstaSiteStatus status, TrackedOperation operation, OperationStatus result) {
      if (SiteReconciler.LIVE.equals(operation.target)) {
        status.appliedPhpAllocation = operation.phpAllocation;
      } else {
        status.appliedStagingPhpAllocation = operation.phpAllocation;
      }
    }
  };

  /**
   * What a finished operation of this type changes in the status; most change nothing Kinsta does
   * not report.
   */
  void succeeded(KinstaSiteStatus status, TrackedOperation operation, OperationStatus result) {}

  /**
   * What an operation of this type changes in Kinsta, and so what the next look must read again:
   * one part of the environments beyond the site list, or (empty) the site as the list shows it.
   */
  Optional<EnvironmentExtras.Part> touches() {
    return switch (this) {
      case UPDATE_DENIED_IPS -> Optional.of(EnvironmentExtras.Part.DENIED_IPS);
      case SET_SSH_ACCESS,
          SET_SSH_ALLOWED_IPS,
          SET_SSH_PASSWORD_AUTHENTICATION,
          SET_SSH_PASSWORD_EXPIRATION ->
          Optional.of(EnvironmentExtras.Part.SSH);
      case DELETE_REDIRECT, ADD_REDIRECT -> Optional.of(EnvironmentExtras.Part.REDIRECTS);
      // Whether additional SFTP accounts are on is in the environment; the accounts are not.
      case DELETE_SFTP_ACCOUNT, ADD_SFTP_ACCOUNT ->
          Optional.of(EnvironmentExtras.Part.SFTP_ACCOUNTS);
      default -> Optional.empty();
    };
  }

  /** The field of an environment's spec that a change of this type brings about. */
  String specField() {
    return switch (this) {
      case MODIFY_PHP_VERSION -> "phpVersion";
      case SET_EDGE_CACHING -> "edgeCaching";
      case SET_IMAGE_OPTIMIZATION -> "cdnImageOptimization";
      case CHANGE_WEBROOT -> "webrootSubfolder";
      case ADD_DOMAIN, DELETE_DOMAINS, CHANGE_PRIMARY_DOMAIN -> "domains";
      case UPDATE_DENIED_IPS -> "deniedIps";
      case SET_SSH_ACCESS -> "ssh.enabled";
      case SET_SSH_ALLOWED_IPS -> "ssh.allowedIps";
      case SET_SSH_PASSWORD_AUTHENTICATION -> "ssh.passwordAuthentication";
      case SET_SSH_PASSWORD_EXPIRATION -> "ssh.passwordExpiration";
      case DELETE_REDIRECT, ADD_REDIRECT -> "redirects";
      case SET_SFTP_ACCOUNTS -> "sftpAccounts.enabled";
      case DELETE_SFTP_ACCOUNT, ADD_SFTP_ACCOUNT -> "sftpAccounts.accounts";
      case CHANGE_PHP_ALLOCATION -> "phpAllocation";
      default -> wireName();
    };
  }

  /** The type of a tracked operation, empty for one this version does not know. */
  static Optional<SiteOperation> of(TrackedOperation operation) {
    return Arrays.stream(values()).filter(operation::is).findFirst();
  }
}
