package figtrace.entities;

/**
 * The region a document is about, as official full names: its province (河南省, 新疆维吾尔自治区) and, for a city's or
 * county's document, that place (普洱市). Either may be null when the document does not say. The short names of its
 * own bodies (省委, 自治区党委, 市人大) are read as this region's.
 */
public record OwnRegion(String province, String local) {
    public static final OwnRegion UNKNOWN = new OwnRegion(null, null);
}
