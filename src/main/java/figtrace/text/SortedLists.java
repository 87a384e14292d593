package figtrace.text;

import java.util.List;
import java.util.function.ToIntFunction;

/** Binary search over lists kept in text order (mentions, HanLP words), where a scan from the start would be quadratic. */
public final class SortedLists {
    private SortedLists() {}

    /**
     * Index of the first element whose key is at least {@code pos} ({@code list.size()} when none is); the keys must
     * not decrease along the list.
     */
    public static <T> int firstAtLeast(List<T> list, ToIntFunction<T> key, int pos) {
        int lo = 0, hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (key.applyAsInt(list.get(mid)) < pos) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
