/**
 * Pipelines with ordered stages, and opportunities moving through them with amounts, line items, contact roles and a full stage history.
 */
@NullMarked
package dev.rapport.crm.sales;

import org.jspecify.annotations.NullMarked;
