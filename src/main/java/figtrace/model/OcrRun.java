package figtrace.model;

/**
 * What OCR cost for one document: how many pages were read by OCR, how many of those came from the OCR cache (no
 * OCR run), and the time the engine spent on the others. Only for the log (`run -v`): it is no part of any output,
 * since a re-run from the cache gives the same records.
 *
 * @param pages     pages read by OCR (from the engine or its cache)
 * @param fromCache of those, pages whose result came from the cache
 * @param millis    time the engine spent on the pages it read (summed over pages read side by side)
 */
public record OcrRun(int pages, int fromCache, long millis) {
    /** Pages the engine actually read. */
    public int read() {
        return pages - fromCache;
    }
}
