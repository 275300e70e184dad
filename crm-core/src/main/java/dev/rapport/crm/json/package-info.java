/**
 * JSON for the domain types: a Jackson {@code Module} that {@code ObjectMapper.findAndRegisterModules()}
 * finds, so every aggregate and event is written and read back unchanged.
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
 * String json = mapper.writeValueAsString(account);
 * Account same = mapper.readValue(json, Account.class);
 * }</pre>
 */
@NullMarked
package dev.rapport.crm.json;

import org.jspecify.annotations.NullMarked;
