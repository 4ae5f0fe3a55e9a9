/**
 * Who may use the consoles: form login (Jakarta Security) against console users stored with PBKDF2
 * hashes, the roles {@code merchant-admin} and {@code compliance-officer}, the demo users, and the
 * start-up checks of the mode Kassa runs in.
 */
package org.kassa.web.security;
