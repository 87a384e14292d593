package figtrace.pipeline;

/**
 * The version of figtrace's extraction code, stored with every document. An incremental run re-extracts every document
 * stored by another version, so bump {@link #VALUE} whenever a change to the Java code (layout, figure finding, ids)
 * can change what is extracted from the same file with the same rules. Rule changes need no bump: the rules'
 * fingerprint is stored too.
 */
public final class ExtractorVersion {
    public static final String VALUE = "0.1.0+1";

    private ExtractorVersion() {}
}
