package io.github.aftersales.service;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call a route. Every {@link Route} has one: a route cannot be declared without its rule, and
 * {@code AuthorisationMatrixTest} tries every route with every role and with none.
 */
public sealed interface Access {

    /** Whether a caller (none: not signed in) may call the route. */
    boolean allows(Optional<Caller> caller);

    /** Anyone, signed in or not: only for what reveals nothing (health, the API's description). */
    static Access anyone() {
        return new Anyone();
    }

    /** A signed-in account of any role. */
    static Access signedIn() {
        return new Roles(EnumSet.allOf(Role.class));
    }

    /** A signed-in account of one of these roles. */
    static Access roles(Role first, Role... more) {
        return new Roles(EnumSet.of(first, more));
    }

    /** Anyone, signed in or not. */
    record Anyone() implements Access {
        @Override
        public boolean allows(Optional<Caller> caller) {
            return true;
        }

        @Override
        public String toString() {
            return "anyone";
        }
    }

    /** A signed-in account whose role is one of {@code roles}. */
    record Roles(Set<Role> roles) implements Access {
        public Roles {
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("a route that no role may call is a route to remove");
            }
            roles = Set.copyOf(roles);
        }

        @Override
        public boolean allows(Optional<Caller> caller) {
            return caller.map(c -> roles.contains(c.role())).orElse(false);
        }

        @Override
        public String toString() {
            return roles.size() == Role.values().length ? "any signed-in account"
                    : roles.stream().sorted().map(Role::key).collect(Collectors.joining(", "));
        }
    }
}
