/**
 * Test support for hosts: {@link dev.rapport.crm.testkit.CrmGen generators} of CRM commands for
 * property tests with {@code crm-property}, and a {@link dev.rapport.crm.testkit.RuleHarness} that
 * runs workflow rules on an in-memory CRM whose clock the test moves.
 */
@NullMarked
package dev.rapport.crm.testkit;

import org.jspecify.annotations.NullMarked;
