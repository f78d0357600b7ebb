/**
 * Auto-attendant ("clerk") phonebook name search: alias expansion, permutations, unique-name map, phonebook XML import.
 *
 * <p>See the module README for a quick start, the error model and the limits.
 */
@NullMarked
package io.ecss.clerk;

import org.jspecify.annotations.NullMarked;
