package figtrace.entities;

/**
 * Standard full names for names the text shortens. Known names carry their canonical in patterns/entities.tsv (places
 * theirs in patterns/regions.tsv); a canonical in entities.tsv may say {@code {province}} or {@code {city}}, filled from the document's own
 * region, so one table serves every region (自治区党委 → 中共宁夏回族自治区委员会 in a Ningxia report, 省委 → 中共河南省委员会
 * in a Henan one). This class also covers the regular patterns so the tables need not list every agency.
 */
final class Canonicals {

    private Canonicals() {}

    /**
     * @param own the document's own region; its unknown parts leave the names that need them as written
     */
    static String canonical(String text, String type, EntityRules rules, OwnRegion own) {
        EntityRules.Known k = rules.known.get(text);
        if (k != null && k.type().equals(type)) return fill(k.canonical(), text, own);
        String c = text;
        if (!type.equals("DOC")) c = c.replace("“", "").replace("”", "").replace("\"", "");
        if (type.equals("ORG")) {
            c = ownPrefix(c, own);
            // 乌鲁木齐高新区 → 乌鲁木齐高新技术产业开发区 (the official form of the short name)
            if (c.endsWith("高新区")) c = c.substring(0, c.length() - 3) + "高新技术产业开发区";
            // 阿克苏阿拉尔国家高新技术产业开发区 is 阿克苏阿拉尔高新技术产业开发区: 国家 before the kind is its level
            if (c.length() > 11 && c.endsWith("国家高新技术产业开发区")) c = c.replace("国家高新技术产业开发区", "高新技术产业开发区");
        }
        return c;
    }

    /**
     * 自治区教育厅 → 宁夏回族自治区教育厅, 省科学院 → 河南省科学院, 市融资担保集团 → 潍坊市融资担保集团: a body named with its level
     * word alone belongs to the document's own region of that level.
     */
    static String ownPrefix(String name, OwnRegion own) {
        if (own == null) return name;
        for (String level : new String[] {"自治区", "省", "市", "州", "县"}) {
            if (!name.startsWith(level) || name.length() <= level.length() + 1) continue;
            String region = level.equals("自治区") || level.equals("省") ? own.province() : own.local();
            if (region != null && region.endsWith(level)) return region + name.substring(level.length());
            return name;
        }
        return name;
    }

    /** A canonical with {province} or {city} filled from the document's region, or the written form when unknown. */
    static String fill(String canonical, String written, OwnRegion own) {
        if (!canonical.contains("{")) return canonical;
        String province = own == null ? null : own.province(), city = own == null ? null : own.local();
        if (canonical.contains("{province}")) {
            if (province == null) return written;
            canonical = canonical.replace("{province}", province);
        }
        if (canonical.contains("{city}")) {
            if (city == null) return written;
            canonical = canonical.replace("{city}", city);
        }
        return canonical;
    }

    /** The same id for the same canonical name in every document. */
    static String canonicalId(String type, String canonical) { return type + ":" + canonical; }
}
