/**
 * The in-memory store: the embedded default, thread-safe and indexed.
 */
@NullMarked
package dev.rapport.crm.memory;

import org.jspecify.annotations.NullMarked;
