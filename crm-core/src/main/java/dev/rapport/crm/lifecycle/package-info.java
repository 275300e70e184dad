/**
 * The customer lifecycle: stages that move forward only, unless overridden with a recorded reason, and the customer journey.
 */
@NullMarked
package dev.rapport.crm.lifecycle;

import org.jspecify.annotations.NullMarked;
