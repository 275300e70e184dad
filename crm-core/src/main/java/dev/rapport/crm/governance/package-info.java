/**
 * Governance of personal data: consent per purpose and channel ({@link dev.rapport.crm.governance.ConsentService}),
 * erasure with tombstones and export ({@link dev.rapport.crm.governance.PrivacyService}), the audit
 * trail of every stored change ({@link dev.rapport.crm.governance.AuditEntry}) and role- and
 * field-level access ({@link dev.rapport.crm.governance.RoleFieldPolicy}).
 */
@NullMarked
package dev.rapport.crm.governance;

import org.jspecify.annotations.NullMarked;
