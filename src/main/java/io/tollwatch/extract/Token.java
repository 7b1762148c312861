package io.tollwatch.extract;

/** One token of a sentence: a word, a number (possibly several words long) or a punctuation mark. */
final class Token {
    enum Kind { WORD, NUM, PUNCT }

    final Kind kind;
    final String text;
    final String lower;
    final int start;
    final int end;
    /** For NUM: the value. */
    double value;
    /** For NUM: written with digits (not words). */
    boolean digits;
    /** For NUM: a bare four-digit integer (a possible year). */
    boolean yearLike;
    /** {@link Lexicon} list bits of a word. */
    final int flags;

    Token(Kind kind, String text, int start, int end) {
        this.kind = kind;
        this.text = text;
        this.lower = text.toLowerCase(java.util.Locale.ROOT);
        this.start = start;
        this.end = end;
        this.flags = kind == Kind.WORD ? Lexicon.flags(lower) : 0;
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean isNum() {
        return kind == Kind.NUM;
    }

    boolean isPunct() {
        return kind == Kind.PUNCT;
    }

    boolean is(String lowerText) {
        return lower.equals(lowerText);
    }

    boolean capitalised() {
        return !text.isEmpty() && Chars.isUpperCase(text.charAt(0));
    }

    @Override
    public String toString() {
        return kind == Kind.NUM ? text + "=" + (long) value : text;
    }
}
