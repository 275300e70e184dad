/**
 * Accounts (companies, with hierarchies) and contacts (people), their roles, and the validated value objects for e-mail, phone and postal address.
 */
@NullMarked
package dev.rapport.crm.party;

import org.jspecify.annotations.NullMarked;
