package io.tollwatch.extract;

import java.util.List;

/**
 * Sentence cleaning on tokens: quote marks, bracketed asides and dash-delimited asides without numbers of their own
 * are dropped, so the rules read "52 people (including 12 children) were killed" as "52 people were killed".
 */
final class Asides {
    private Asides() {
    }

    /** The tokens the rules read: {@code in} without quotes and asides. */
    static Token[] drop(List<Token> in) {
        int n = in.size();
        boolean[] drop = new boolean[n];
        for (int i = 0; i < n; i++) {
            Token x = in.get(i);
            if (x.isPunct() && (x.is("\"") || x.is("\u201c") || x.is("\u201d") || x.is("'") || x.is("\u2018")
                || x.is("\u2019") || x.is("\u00ab") || x.is("\u00bb"))) {
                drop[i] = true;
            } else if (x.isPunct() && (x.is("(") || x.is("["))) {
                String close = x.is("(") ? ")" : "]";
                for (int j = i + 1; j < Math.min(n, i + 20); j++) {
                    if (in.get(j).is(close)) {
                        for (int k = i; k <= j; k++) {
                            drop[k] = true;
                        }
                        break;
                    }
                }
            } else if (x.isPunct() && x.text.equals("\u2014") && i > 0) {
                for (int j = i + 1; j < Math.min(n, i + 14); j++) {
                    Token y = in.get(j);
                    if (y.isNum()) {
                        break;
                    }
                    if (y.isPunct() && y.text.equals("\u2014")) {
                        for (int k = i; k <= j; k++) {
                            drop[k] = true;
                        }
                        break;
                    }
                }
            }
        }
        int kept = 0;
        for (boolean d : drop) {
            kept += d ? 0 : 1;
        }
        Token[] out = new Token[kept];
        int o = 0;
        for (int i = 0; i < n; i++) {
            if (!drop[i]) {
                out[o++] = in.get(i);
            }
        }
        return out;
    }

    /** The sentence {@code [from, to)} of {@code text} as the tokens the rules read. */
    static Token[] tokens(String text, int from, int to) {
        return drop(Tokenizer.tokenize(text, from, to));
    }
}
