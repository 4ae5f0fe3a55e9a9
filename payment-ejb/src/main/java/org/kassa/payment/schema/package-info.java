/** The payment module's schema migrations, run at start-up after the compliance module's. */
package org.kassa.payment.schema;
