package io.tollwatch.count;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VocabularyTest {
    private static final List<Class<? extends Enum<?>>> ENUMS =
            List.of(Metric.class, Population.class, Qualifier.class, Basis.class);

    @Test
    void everyConstantsWireNameIsItsLowerCaseNameAndParsesBack() {
        for (Class<? extends Enum<?>> type : ENUMS) {
            for (Enum<?> c : type.getEnumConstants()) {
                String wire = Vocabulary.wire(c);
                assertEquals(c.name().toLowerCase(Locale.ROOT), wire);
                assertEquals(Optional.of(c), parse(type, wire), wire);
            }
        }
    }

    @Test
    void parsesAnyCaseAndSurroundingSpace() {
        assertEquals(Optional.of(Qualifier.MORE_THAN), Vocabulary.parse(Qualifier.class, "MORE_THAN"));
        assertEquals(Optional.of(Qualifier.MORE_THAN), Vocabulary.parse(Qualifier.class, "More_Than"));
        assertEquals(Optional.of(Metric.KILLED), Vocabulary.parse(Metric.class, " killed\t"));
    }

    @Test
    void refusesUnknownNamesNullAndOtherEnumsNames() {
        assertEquals(Optional.empty(), Vocabulary.parse(Metric.class, null));
        assertEquals(Optional.empty(), Vocabulary.parse(Metric.class, ""));
        assertEquals(Optional.empty(), Vocabulary.parse(Metric.class, "kill"));
        assertEquals(Optional.empty(), Vocabulary.parse(Metric.class, "more_than"));
        assertEquals(Optional.empty(), Vocabulary.parse(Qualifier.class, "killed"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<?> parse(Class<? extends Enum<?>> type, String s) {
        return Vocabulary.parse((Class) type, s);
    }
}
