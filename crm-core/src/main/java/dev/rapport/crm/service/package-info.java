/**
 * Customer service: tickets with priority, a status lifecycle, an assignee and SLA targets.
 */
@NullMarked
package dev.rapport.crm.service;

import org.jspecify.annotations.NullMarked;
