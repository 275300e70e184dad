/**
 * The timeline: activities on every channel linked to contacts, accounts, opportunities and tickets, and tasks with due dates.
 */
@NullMarked
package dev.rapport.crm.activity;

import org.jspecify.annotations.NullMarked;
