package io.tollwatch.extract;

/**
 * Character tests with a fast path for ASCII, which is nearly all of English wire copy: the scans over a whole
 * report (sentences, triggers, nationalities, causes, days) test every character, and {@link Character}'s general
 * look-ups were a tenth of the extraction's time.
 */
final class Chars {
    private Chars() {
    }

    static boolean isLetter(char c) {
        if (c < 128) {
            char l = (char) (c | 0x20);
            return l >= 'a' && l <= 'z';
        }
        return Character.isLetter(c);
    }

    static boolean isLetterOrDigit(char c) {
        if (c < 128) {
            char l = (char) (c | 0x20);
            return l >= 'a' && l <= 'z' || c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c);
    }

    static boolean isUpperCase(char c) {
        return c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
    }

    static char toLowerCase(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }

    /** {@link Character#isWhitespace} or {@link Character#isSpaceChar} (no-break and other Unicode spaces). */
    static boolean isSpace(char c) {
        if (c < 128) {
            return c == ' ' || c >= '\t' && c <= '\r' || c >= 0x1c && c <= 0x1f;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
