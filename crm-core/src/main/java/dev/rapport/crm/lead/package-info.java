/**
 * Leads: capture from a source, qualification, disqualification and conversion into a contact, an account and optionally an opportunity.
 */
@NullMarked
package dev.rapport.crm.lead;

import org.jspecify.annotations.NullMarked;
