package io.tollwatch.report;

import io.tollwatch.schema.Report;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportJsonTest {

    @Test
    void readsEveryFieldWithDefaults() {
        Report r = ReportJson.parse("""
                {"report_id":"r1","source":"AFP","published_at":"2024-11-29T18:00:00Z","location":"Aleppo, Syria",
                 "text":"Some text.","figures":[{"metric":"killed","value":255,"basis":"cumulative","counter":"SOHR",
                 "date":"2024-11-29"},{"metric":"injured","value":3}]}""");
        assertThat(r.getReportId()).isEqualTo("r1");
        assertThat(r.getPublishedAt()).isEqualTo(Instant.parse("2024-11-29T18:00:00Z"));
        assertThat(r.getLanguage()).isEqualTo("en");
        assertThat(r.getFigures()).hasSize(2);
        assertThat(r.getFigures().get(0).getDate()).isEqualTo(LocalDate.of(2024, 11, 29));
        assertThat(r.getFigures().get(1).getPopulation()).isEqualTo("all");
        assertThat(r.getFigures().get(1).getQualifier()).isEqualTo("exact");
        assertThat(r.getFigures().get(1).getBasis()).isEqualTo("incident");
        assertThat(r.getFigures().get(1).getCounter()).isNull();
        assertThat(ReportValidator.problem(r)).isEmpty();
    }

    @Test
    void badJsonAndBadFieldsAreClearErrors() {
        assertThatThrownBy(() -> ReportJson.parse("{not json")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ReportJson.parse("[1,2]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> ReportJson.parse("{\"report_id\":\"x\",\"published_at\":\"yesterday\"}"))
                .hasMessageContaining("published_at 'yesterday'");
        assertThatThrownBy(() -> ReportJson.parse("{\"report_id\":\"x\",\"source\":\"AFP\"}"))
                .hasMessageContaining("published_at is missing");
        assertThatThrownBy(() -> ReportJson.parse("{\"report_id\":\"x\",\"published_at\":\"2024-01-01T00:00:00Z\","
                + "\"figures\":[{\"metric\":\"killed\",\"value\":1.5}]}"))
                .hasMessageContaining("not a whole number");
    }

    @Test
    void validatorNamesTheProblem() {
        String base = "\"source\":\"AFP\",\"published_at\":\"2024-11-29T18:00:00Z\"";
        assertThat(ReportValidator.problem(ReportJson.parse("{" + base + ",\"text\":\"x\"}")))
                .contains("report_id is missing");
        assertThat(ReportValidator.problem(ReportJson.parse("{\"report_id\":\"a\"," + base + "}")))
                .contains("report a: needs text or figures");
        assertThat(ReportValidator.problem(ReportJson.parse("{\"report_id\":\"a\"," + base
                + ",\"figures\":[{\"metric\":\"killed\",\"value\":-3}]}"))).contains("report a: figure 1: negative value -3");
        assertThat(ReportValidator.problem(ReportJson.parse("{\"report_id\":\"a\"," + base
                + ",\"figures\":[{\"metric\":\"arrested\",\"value\":3}]}")).get())
                .contains("unknown metric 'arrested'").contains("killed, injured, displaced");
        assertThat(ReportValidator.problem(ReportJson.parse("{\"report_id\":\"" + "x".repeat(201) + "\"," + base
                + ",\"text\":\"t\"}")).get()).contains("longer than 200");
    }
}
