package io.tollwatch.count;

/** Who was counted (spec §1). Children are a subset of civilians; civilians and combatants are parts of all. Wire names are the lower-case constant names; see {@link Vocabulary}. */
public enum Population {
    ALL, CIVILIANS, CHILDREN, COMBATANTS
}
