package figtrace.entities;

/**
 * Standard full names for names the text shortens. Known names carry their canonical in patterns/entities.tsv and
 * patterns/places.tsv; this class covers the regular patterns so the tables need not list every agency.
 */
final class Canonicals {

    static final String XINJIANG = "新疆维吾尔自治区";

    private Canonicals() {}

    static String canonical(String text, String type, EntityRules rules) {
        return canonical(text, type, rules, XINJIANG);
    }

    /**
     * @param ownRegion the full name of the region the document is about (新疆维吾尔自治区, 宁夏回族自治区): what its
     *                  "自治区…" names expand to; null leaves them as written
     */
    static String canonical(String text, String type, EntityRules rules, String ownRegion) {
        EntityRules.Known k = rules.known.get(text);
        if (k != null && k.type().equals(type)) return k.canonical();
        String c = text;
        if (!type.equals("DOC")) c = c.replace("“", "").replace("”", "").replace("\"", "");
        if (type.equals("ORG")) {
            // 自治区教育厅 → 新疆维吾尔自治区教育厅: "自治区" alone is the document's own region
            if (c.startsWith("自治区") && ownRegion != null && ownRegion.endsWith("自治区")) c = ownRegion + c.substring(3);
            // 乌鲁木齐高新区 → 乌鲁木齐高新技术产业开发区 (the official form of the short name)
            if (c.endsWith("高新区")) c = c.substring(0, c.length() - 3) + "高新技术产业开发区";
            // 阿克苏阿拉尔国家高新技术产业开发区 is 阿克苏阿拉尔高新技术产业开发区: 国家 before the kind is its level
            if (c.length() > 11 && c.endsWith("国家高新技术产业开发区")) c = c.replace("国家高新技术产业开发区", "高新技术产业开发区");
        }
        return c;
    }

    /** The same id for the same canonical name in every document. */
    static String canonicalId(String type, String canonical) { return type + ":" + canonical; }
}
