/**
 * Owners, teams and territories: the host's users behind the {@link dev.rapport.crm.directory.Directory} port.
 */
@NullMarked
package dev.rapport.crm.directory;

import org.jspecify.annotations.NullMarked;
