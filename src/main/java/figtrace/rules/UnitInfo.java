package figtrace.rules;

import java.math.BigDecimal;

/** One line of units.tsv: how a written unit becomes a canonical unit, kind and factor. */
public record UnitInfo(String surface, String unit, String kind, BigDecimal factor, String measureWord) {}
