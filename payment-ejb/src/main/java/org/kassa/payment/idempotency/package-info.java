/**
 * Idempotency keys of mutating API calls. A key is stored with a hash of its request and the object
 * it created: the same key and request answer that object again; the same key with another request
 * is refused.
 */
package org.kassa.payment.idempotency;
