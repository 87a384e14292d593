package figtrace.rules;

/**
 * One indicator of the catalogue in patterns/indicators.tsv.
 *
 * @param id   stable snake_case id written to every output as {@code indicator_id} (gdp, resident_population, …)
 * @param name the Chinese name written as {@code indicator} (地区生产总值, 常住人口, …)
 */
public record Indicator(String id, String name) {}
