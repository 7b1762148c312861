package io.tollwatch.extract;

/**
 * Repairs the commonest damage in scraped and PDF-converted text: UTF-8 read as Windows-1252 ("â€™" → "’",
 * "Â\u00a0" → " ", "ï¬" → "fi"), ligatures and control characters. Text without such damage is returned as is.
 */
final class TextClean {
    private TextClean() {
    }

    private static final String CP1252_HIGH =
        "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f"
            + "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

    /** The byte a character stands for when UTF-8 was decoded as Windows-1252 (or Latin-1), else -1. */
    static int byteOf(char c) {
        if (c >= 0xA0 && c <= 0xFF) {
            return c;
        }
        int k = CP1252_HIGH.indexOf(c);
        return k >= 0 ? 0x80 + k : -1;
    }

    static String clean(String s) {
        if (s == null) {
            return "";
        }
        boolean suspicious = false;
        boolean odd = false;
        int length = s.length();
        int i0 = 0;
        while (i0 < length) {
            char c = s.charAt(i0);
            if (c >= 0x20 && c < 0x80 || c == '\n') {
                i0++;
            } else {
                break;
            }
        }
        if (i0 == length) {
            return s;
        }
        for (int i = i0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 || c == '\n') {
                continue;
            }
            if (c == '\u00c3' || c == '\u00c2' || c == '\u00e2' || c == '\u00ef' || c == '\u00c5' || c == '\u00d0'
                || c == '\u00d8') {
                suspicious = true;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c >= 0xFB00 && c <= 0xFB06 || c == '\u00ad'
                || c >= 0x80 && c < 0xA0 || c == '\uFFFD') {
                odd = true;
            }
        }
        if (!suspicious && !odd) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (suspicious) {
                int b0 = byteOf(c);
                int len = b0 >= 0xC2 && b0 <= 0xDF ? 2 : b0 >= 0xE0 && b0 <= 0xEF ? 3 : b0 >= 0xF0 && b0 <= 0xF4 ? 4 : 0;
                if (len > 0 && i + len <= n) {
                    int cp = b0 & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
                    boolean ok = true;
                    for (int k = 1; k < len; k++) {
                        int b = byteOf(s.charAt(i + k));
                        if (b < 0x80 || b > 0xBF) {
                            ok = false;
                            break;
                        }
                        cp = (cp << 6) | (b & 0x3F);
                    }
                    if (ok && cp >= 0x80) {
                        appendClean(sb, cp);
                        i += len;
                        continue;
                    }
                }
                // "ï¬" whose last byte was lost: the fi/fl ligatures (EF AC 81 / EF AC 82)
                if (c == '\u00ef' && i + 1 < n && s.charAt(i + 1) == '\u00ac') {
                    sb.append("fi");
                    i += 2;
                    continue;
                }
            }
            if (c == '\uFFFD' && apostropheLost(s, i)) {
                sb.append('\u2019'); // "country\uFFFDs", "Cote d\uFFFDIvoire": an apostrophe lost in conversion
                i++;
                continue;
            }
            appendClean(sb, c);
            i++;
        }
        return sb.toString();
    }

    /** A replacement character where an apostrophe stood: before a possessive "s", or after an elided "d"/"l". */
    static boolean apostropheLost(String s, int i) {
        int n = s.length();
        if (i == 0 || i + 1 >= n || !Chars.isLetter(s.charAt(i - 1))) {
            return false;
        }
        char next = s.charAt(i + 1);
        if ((next == 's' || next == 'S') && (i + 2 >= n || !Chars.isLetter(s.charAt(i + 2)))) {
            return true;
        }
        char prev = Character.toLowerCase(s.charAt(i - 1));
        return (prev == 'd' || prev == 'l') && (i < 2 || !Chars.isLetter(s.charAt(i - 2)))
            && Chars.isUpperCase(next);
    }

    private static void appendClean(StringBuilder sb, int cp) {
        switch (cp) {
            case 0xFB00 -> sb.append("ff");
            case 0xFB01 -> sb.append("fi");
            case 0xFB02 -> sb.append("fl");
            case 0xFB03 -> sb.append("ffi");
            case 0xFB04 -> sb.append("ffl");
            case 0xFB05, 0xFB06 -> sb.append("st");
            case 0x00AD, 0xFFFD -> {
            }
            case 0x00A0 -> sb.append(' ');
            default -> {
                if (cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t' || cp >= 0x80 && cp < 0xA0) {
                    sb.append(' ');
                } else {
                    sb.appendCodePoint(cp);
                }
            }
        }
    }
}
