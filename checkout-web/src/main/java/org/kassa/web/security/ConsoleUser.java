package org.kassa.web.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** A person who logs in to a console. A merchant admin belongs to one merchant. */
@Entity
@Table(name = "console_user")
public class ConsoleUser {

  @Id
  @Column(name = "username", length = 120)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 400)
  private String passwordHash;

  @Column(name = "merchant_id", length = 40)
  private String merchantId;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "console_user_role", joinColumns = @JoinColumn(name = "username"))
  @Column(name = "role", length = 40)
  private Set<String> roles = new HashSet<>();

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected ConsoleUser() {}

  ConsoleUser(String username, String passwordHash, String role, String merchantId, Instant now) {
    if (Roles.MERCHANT_ADMIN.equals(role) && merchantId == null) {
      throw new IllegalArgumentException("a merchant admin belongs to a merchant");
    }
    this.username = username;
    this.passwordHash = passwordHash;
    this.merchantId = merchantId;
    this.roles.add(role);
    this.createdAt = now.atOffset(ZoneOffset.UTC);
  }

  public String username() {
    return username;
  }

  public Optional<String> merchantId() {
    return Optional.ofNullable(merchantId);
  }
}
