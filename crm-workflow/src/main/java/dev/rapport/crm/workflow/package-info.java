/**
 * The workflow engine: {@link dev.rapport.crm.workflow.Rule rules} made of a trigger, a condition
 * and ordered actions, grouped in an immutable {@link dev.rapport.crm.workflow.RuleSet}, written
 * in Java with {@link dev.rapport.crm.workflow.Triggers}, {@link dev.rapport.crm.workflow.Conditions}
 * and {@link dev.rapport.crm.workflow.Actions}, or in JSON with
 * {@link dev.rapport.crm.workflow.JsonRules}, and run by a
 * {@link dev.rapport.crm.workflow.WorkflowEngine} attached to a {@code Crm}.
 *
 * <p>This package is the host's API; extension points are in {@code dev.rapport.crm.workflow.spi}.
 */
@NullMarked
package dev.rapport.crm.workflow;

import org.jspecify.annotations.NullMarked;
