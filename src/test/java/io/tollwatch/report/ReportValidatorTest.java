package io.tollwatch.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile values that decode fine but make a report uncountable, each with its reason. */
class ReportValidatorTest {
    private static final String HEAD = "\"report_id\":\"r\",\"source\":\"AFP\",\"published_at\":\"2024-11-29T18:00:00Z\"";

    private static String problem(String fields, long maxValue) {
        return ReportValidator.problem(ReportJson.parse("{" + HEAD + "," + fields + "}"), maxValue).orElse(null);
    }

    @Test
    void valuesAboveThePlausibilityBoundAreRejected() {
        String figure = "\"figures\":[{\"metric\":\"killed\",\"value\":%d,\"location\":\"SY-HL\"}]";
        assertThat(problem(figure.formatted(5000), 5000)).isNull();
        assertThat(problem(figure.formatted(5001), 5000))
                .isEqualTo("report r: figure 1: value 5001 is above the plausible maximum of 5000");
        assertThat(problem(figure.formatted(ReportValidator.DEFAULT_MAX_VALUE + 1), ReportValidator.DEFAULT_MAX_VALUE))
                .contains("above the plausible maximum");
    }

    @Test
    void controlCharactersAreRejectedButLayoutIsText() {
        assertThat(problem("\"text\":\"Two killed.\\n\\tPage\\f2\\r\\n\"", 100)).isNull();
        assertThat(problem("\"text\":\"Two \\u0000killed\"", 100))
                .isEqualTo("report r: text contains control character U+0000 at position 4");
        assertThat(problem("\"text\":\"x\",\"location\":\"Gaza\\u001b[31m\"", 100))
                .isEqualTo("report r: location contains control character U+001B at position 4");
        assertThat(problem("\"figures\":[{\"metric\":\"killed\",\"value\":1,\"counter\":\"SOHR\\u0085\"}]", 100))
                .isEqualTo("report r: figure 1: counter contains control character U+0085 at position 4");
    }
}
