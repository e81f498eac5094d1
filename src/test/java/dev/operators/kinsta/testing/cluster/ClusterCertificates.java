package dev.operators.kinsta.testing.cluster;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The key material of one test cluster, made fresh for each run: a CA, the API server's serving
 * certificate for the loopback address signed by it, and the key pair that signs service account
 * tokens.
 */
record ClusterCertificates(
    Path caCertificate,
    Path servingCertificate,
    Path servingKey,
    Path serviceAccountPublicKey,
    Path serviceAccountPrivateKey) {
  private static final Duration VALIDITY = Duration.ofDays(2);

  static ClusterCertificates generate(Path dir) {
    try {
      Files.createDirectories(dir);
      KeyPair ca = rsa();
      X509Certificate caCert =
          sign(
              new X500Name("CN=kinsta-operator-test-ca"),
              ca,
              new X500Name("CN=kinsta-operator-test-ca"),
              ca,
              true);
      KeyPair serving = rsa();
      X509Certificate servingCert =
          sign(
              new X500Name("CN=kube-apiserver"),
              serving,
              new X500Name("CN=kinsta-operator-test-ca"),
              ca,
              false);
      KeyPair serviceAccounts = rsa();

      ClusterCertificates files =
          new ClusterCertificates(
              dir.resolve("ca.crt"),
              dir.resolve("apiserver.crt"),
              dir.resolve("apiserver.key"),
              dir.resolve("service-accounts.pub"),
              dir.resolve("service-accounts.key"));
      write(files.caCertificate, caCert);
      write(files.servingCertificate, servingCert);
      write(files.servingKey, serving.getPrivate());
      write(files.serviceAccountPublicKey, serviceAccounts.getPublic());
      write(files.serviceAccountPrivateKey, serviceAccounts.getPrivate());
      return files;
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot generate the test cluster's certificates", e);
    }
  }

  private static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048, new SecureRandom());
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(
      X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys, boolean isCa)
      throws IOException, GeneralSecurityException, OperatorCreationException {
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            new BigInteger(64, new SecureRandom()),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(VALIDITY)),
            subject,
            subjectKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
    if (isCa) {
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } else {
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")
              }));
    }
    ContentSigner signer =
        new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static void write(Path file, Object pemObject) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
      pem.writeObject(pemObject);
    }
    Files.writeString(file, text.toString());
  }
}
