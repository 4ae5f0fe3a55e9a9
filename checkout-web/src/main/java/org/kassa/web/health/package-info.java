/** MicroProfile Health checks: alive, and ready once the database answers and is migrated. */
package org.kassa.web.health;
