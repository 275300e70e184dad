/**
 * The workflow engine's service provider interface, for hosts and adapter authors: custom
 * {@link dev.rapport.crm.workflow.spi.ActionType action types} (found by {@link java.util.ServiceLoader}),
 * the {@link dev.rapport.crm.workflow.spi.MessageSender} the host implements, and the
 * {@link dev.rapport.crm.workflow.spi.TimerStore}, {@link dev.rapport.crm.workflow.spi.IdempotencyLedger},
 * {@link dev.rapport.crm.workflow.spi.EnrollmentStore} and {@link dev.rapport.crm.workflow.spi.SegmentStore}
 * ports (in memory by default, durable with a persistence adapter).
 *
 * <p>Stability: the interfaces here are the contract adapters implement; new methods are only
 * added with a default.
 */
@NullMarked
package dev.rapport.crm.workflow.spi;

import org.jspecify.annotations.NullMarked;
