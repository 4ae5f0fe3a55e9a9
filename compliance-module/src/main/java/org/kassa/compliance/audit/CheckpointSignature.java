package org.kassa.compliance.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.kassa.compliance.text.Sha256;

/**
 * Ed25519 signatures of audit checkpoints: the statement {@code kassa-audit-checkpoint:v1|<seq>|
 * <hash>|<signed at, epoch microseconds>} signed with the deployment's key. Pure JDK, so the
 * offline verifier needs nothing but the compliance module's jar.
 */
public final class CheckpointSignature {

  private CheckpointSignature() {}

  /** What is signed for a checkpoint. */
  public static byte[] statement(long seq, String hash, Instant signedAt) {
    return ("kassa-audit-checkpoint:v1|"
            + seq
            + "|"
            + hash
            + "|"
            + ChronoUnit.MICROS.between(Instant.EPOCH, HashChain.chainTime(signedAt)))
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Signs a checkpoint; answers the signature in base64. */
  public static String sign(PrivateKey key, long seq, String hash, Instant signedAt) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(statement(seq, hash, signedAt));
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign an audit checkpoint", e);
    }
  }

  /** Whether {@code signature} (base64) is the key's signature of the checkpoint. */
  public static boolean verify(
      PublicKey key, long seq, String hash, Instant signedAt, String signature) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(statement(seq, hash, signedAt));
      return verifier.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** A private key from its base64 PKCS#8 form. */
  public static PrivateKey privateKey(String base64) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a base64 PKCS#8 Ed25519 private key", e);
    }
  }

  /** A public key from its base64 X.509 form. */
  public static PublicKey publicKey(String base64) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key", e);
    }
  }

  /** A short id of a public key: the first 16 hex digits of the SHA-256 of its encoding. */
  public static String keyId(PublicKey key) {
    return Sha256.hex(key.getEncoded()).substring(0, 16);
  }
}
