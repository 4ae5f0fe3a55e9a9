package org.kassa.web.security;

/** The console roles. */
public final class Roles {
  public static final String MERCHANT_ADMIN = "merchant-admin";
  public static final String COMPLIANCE_OFFICER = "compliance-officer";

  private Roles() {}
}
