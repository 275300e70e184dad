/**
 * Internal plumbing shared by the feature packages. Not API: it may change in any release.
 */
@NullMarked
package dev.rapport.crm.internal;

import org.jspecify.annotations.NullMarked;
