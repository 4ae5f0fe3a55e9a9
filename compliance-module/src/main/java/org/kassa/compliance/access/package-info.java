/**
 * Who may use the compliance APIs: API keys of compliance systems and officers' tools, stored as
 * SHA-256 hashes like merchants' keys.
 */
package org.kassa.compliance.access;
