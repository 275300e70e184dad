/**
 * Identity resolution: match rules and duplicate candidates ({@link dev.rapport.crm.identity.DuplicateService}),
 * merging of contacts and accounts with survivorship rules, the record of every merge, and the
 * unified profile of one customer.
 */
@NullMarked
package dev.rapport.crm.identity;

import org.jspecify.annotations.NullMarked;
