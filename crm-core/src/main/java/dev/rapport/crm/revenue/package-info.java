/**
 * Money (never a double) and subscriptions or contracts with their recurring revenue.
 */
@NullMarked
package dev.rapport.crm.revenue;

import org.jspecify.annotations.NullMarked;
