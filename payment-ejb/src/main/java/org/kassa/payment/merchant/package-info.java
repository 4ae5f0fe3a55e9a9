/**
 * Merchants and their secret API keys. A key is shown once, when it is created; Kassa keeps only
 * its SHA-256 hash and a short hint, and compares in constant time.
 */
package org.kassa.payment.merchant;
