package figtrace.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Immutable copies that keep their order. {@code Map.copyOf} iterates in an order salted anew in every JVM, so any
 * "first match wins" or tie over such a map (two indicator aliases of the same length) could change between two
 * runs of the same corpus; these copies iterate in the order they were built (file order for the rules).
 */
public final class OrderedMaps {
    private OrderedMaps() {}

    public static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
