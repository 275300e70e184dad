/**
 * The ports a store adapter or a host implements. This package is for adapter authors; host code calls {@link dev.rapport.crm.Crm}.
 */
@NullMarked
package dev.rapport.crm.spi;

import org.jspecify.annotations.NullMarked;
