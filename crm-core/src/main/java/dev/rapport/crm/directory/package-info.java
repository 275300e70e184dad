/**
 * Owners, teams and territories: the host's users behind the {@link dev.rapport.crm.directory.Directory}
 * port (in memory by default: {@link dev.rapport.crm.directory.InMemoryDirectory}), and
 * {@link dev.rapport.crm.directory.Assignment}, which picks a user for new work by round-robin over
 * a team, by territory, or by least load and skills. Users carry no personal data: names and
 * addresses stay with the host.
 */
@NullMarked
package dev.rapport.crm.directory;

import org.jspecify.annotations.NullMarked;
