package io.tollwatch.report;

import io.tollwatch.schema.Figure;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Spec §2 on whole reports: structured figures, text figures, and the two together. */
class NormalizerTest {
    private static final Normalizer NORMALIZER = Normalizer.defaults();

    @Test
    void aStructuredFigureTakesTheMostSpecificKnownPartOfItsPathAndKeepsThePathAsItsPlace() {
        List<Figure> figures = NORMALIZER.figures(ReportJson.parse("""
                {"report_id":"s1","source":"OCHA","published_at":"2025-06-10T09:00:00Z","figures":[
                 {"metric":"displaced","value":380000,"qualifier":"about","basis":"cumulative",
                  "location":"Tawila, North Darfur, Sudan","counter":"International Organization for Migration","date":"2025-06-08"},
                 {"metric":"killed","population":"civilians","value":12,"location":"Kadugli, South Kordofan"}]}"""));
        assertThat(figures).hasSize(2);
        Figure tawila = figures.get(0);
        assertThat(tawila.getRegion()).isEqualTo("SD-DN");
        assertThat(tawila.getCountry()).isEqualTo("SD");
        assertThat(tawila.getPlace()).isEqualTo("Tawila, North Darfur, Sudan");
        assertThat(tawila.getCounter()).as("aliases resolve to the canonical name").isEqualTo("IOM");
        assertThat(tawila.getDay()).isEqualTo(LocalDate.of(2025, 6, 8));
        Figure kadugli = figures.get(1);
        assertThat(kadugli.getRegion()).isEqualTo("SD-KS");
        assertThat(kadugli.getCounter()).as("no counter: the report's source").isEqualTo("OCHA");
        assertThat(kadugli.getBasis()).isEqualTo("incident");
        assertThat(kadugli.getDay()).as("no date: the publication day").isEqualTo(LocalDate.of(2025, 6, 10));
    }

    @Test
    void structuredAndTextFiguresAtOnePlaceInAnySpellingOrPathShareItsIdentity() {
        List<Figure> figures = new ArrayList<>();
        for (String report : List.of("""
                {"report_id":"ky-1","source":"Reuters","published_at":"2024-05-27T10:00:00Z","figures":[
                 {"metric":"killed","value":30,"counter":"Gaza health ministry","location":"Khan Younis","date":"2024-05-26"}]}""", """
                {"report_id":"ky-2","source":"AP","published_at":"2024-05-27T11:00:00Z","figures":[
                 {"metric":"killed","value":30,"counter":"Gaza health ministry","location":"Khan Younis, Gaza Strip","date":"2024-05-26"}]}""", """
                {"report_id":"ky-3","source":"AFP","published_at":"2024-05-27T12:00:00Z",
                 "text":"An Israeli strike on a house in Khan Yunis killed 30 people on Sunday, the Gaza health ministry said."}""")) {
            figures.addAll(NORMALIZER.figures(ReportJson.parse(report)));
        }
        assertThat(figures).extracting(Figure::getPlace)
                .as("the place as written, for display").containsExactly("Khan Younis", "Khan Younis, Gaza Strip", "Khan Yunis");
        assertThat(figures).extracting(Figure::getRegion, Figure::getPlaceId, Figure::getDay, Figure::getCounter)
                .containsOnly(tuple("PS-KYS", "PS-KYS/city/khan yunis", LocalDate.of(2024, 5, 26), "Gaza health ministry"));
    }

    @Test
    void aFigureWhosePlaceCannotBeToldIsKeptWithTheReason() {
        List<Figure> figures = NORMALIZER.figures(ReportJson.parse("""
                {"report_id":"s2","source":"AFP","published_at":"2025-06-10T09:00:00Z","figures":[
                 {"metric":"killed","value":7,"location":"Qwxzyv"},{"metric":"killed","value":3}]}"""));
        assertThat(figures).hasSize(2).allSatisfy(f -> {
            assertThat(f.getRegion()).isNull();
            assertThat(f.getPlaceId()).isNull();
            assertThat(f.getUnresolvedReason()).isNotBlank();
        });
    }

    @Test
    void aTextFigureThatRepeatsAStructuredOneIsPublishedOnce() {
        List<Figure> figures = NORMALIZER.figures(ReportJson.parse("""
                {"report_id":"s3","source":"Reuters","published_at":"2025-02-01T19:20:00Z","location":"Omdurman, Sudan",
                 "text":"Shelling of a market in Omdurman killed 54 people and wounded 158 on Saturday, Sudan's health ministry said.",
                 "figures":[{"metric":"killed","value":54,"location":"Omdurman, Sudan","counter":"Sudan health ministry"}]}"""));
        assertThat(figures).extracting(Figure::getMetric, Figure::getValue)
                .containsExactlyInAnyOrder(tuple("killed", 54L),
                        tuple("injured", 158L));
        Figure injured = figures.stream().filter(f -> f.getMetric().equals("injured")).findFirst().orElseThrow();
        assertThat(injured.getRegion()).isEqualTo("SD-KH");
        assertThat(injured.getEvidence()).contains("wounded 158");
    }

    @Test
    void aTextFigureNamesTheStepThatDecidedItsRegionAndAStructuredOneNone() {
        List<Figure> figures = NORMALIZER.figures(ReportJson.parse("""
                {"report_id":"s4","source":"Reuters","published_at":"2025-02-01T19:20:00Z","location":"Omdurman, Sudan",
                 "text":"Shelling of a market in El Fasher killed 21 people on Saturday, local medics said. Another 9 people were killed on Sunday, the medics said.",
                 "figures":[{"metric":"injured","value":40,"location":"Omdurman, Sudan","counter":"Sudan health ministry"}]}"""));
        assertThat(placeFrom(figures, 21)).isEqualTo("sentence");
        assertThat(placeFrom(figures, 40)).as("a structured figure").isNull();
        assertThat(placeFrom(figures, 9)).as("a sentence naming no place").isNotNull().isNotEqualTo("sentence");
    }

    private static String placeFrom(List<Figure> figures, long value) {
        Figure f = figures.stream().filter(g -> g.getValue() == value).findFirst()
                .orElseThrow(() -> new AssertionError("no figure of " + value + " in " + figures));
        return f.getPlaceFrom();
    }
}
