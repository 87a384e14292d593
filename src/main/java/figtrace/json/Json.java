package figtrace.json;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * figtrace's one configured Jackson mapper (thread-safe, built once): decimals are read as BigDecimal, so a value
 * written from {@code BigDecimal.toPlainString()} comes back exactly, never through a double. Writing large outputs
 * goes through Jackson's streaming core ({@code store.SmallJson}), which loads far less.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {}

    /** Pretty-printed output (the eval command's JSON). */
    public static ObjectWriter pretty() {
        return MAPPER.writerWithDefaultPrettyPrinter();
    }

    /**
     * What Python's {@code json} module reads: floats as doubles (score.py compares them as Python floats) and NaN and
     * Infinity accepted. For the scorer, which must agree with score.py to the digit.
     */
    public static ObjectReader pythonLike() {
        return MAPPER.reader()
                .without(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
    }
}
