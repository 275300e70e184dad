/**
 * Campaigns, their members, and first- and last-touch attribution of leads and contacts.
 */
@NullMarked
package dev.rapport.crm.marketing;

import org.jspecify.annotations.NullMarked;
