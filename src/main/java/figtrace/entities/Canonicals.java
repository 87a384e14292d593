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
        String body = levelledBody(text, type, rules, own);
        if (body != null) return body;
        // 自治区科技部门 (corpus 004): an agency named by its field and 部门 is the body with its own ending (office_ending)
        for (EntityRules.Ending e : rules.officeEndings) {
            if (!e.type().equals(type) || !text.endsWith(e.text())) continue;
            String asBody = text.substring(0, text.length() - e.text().length()) + e.canonical();
            body = levelledBody(asBody, type, rules, own);
            if (body != null && !body.equals(asBody)) return body;
        }
        String c = text;
        if (!type.equals("DOC")) c = c.replace("“", "").replace("”", "").replace("\"", "");
        c = ownPrefix(c, type, rules, own);
        // 乌鲁木齐高新区 → 乌鲁木齐高新技术产业开发区 (the official form of the short name; entities.tsv short_ending)
        for (EntityRules.Ending e : rules.shortEndings) {
            if (e.type().equals(type) && c.endsWith(e.text())) {
                c = c.substring(0, c.length() - e.text().length()) + e.canonical();
            }
        }
        // 阿克苏阿拉尔国家高新技术产业开发区 is 阿克苏阿拉尔高新技术产业开发区: 国家 before the kind is its level (level_before)
        for (EntityRules.Ending e : rules.levelsBefore) {
            String levelled = e.text() + e.canonical();
            if (e.type().equals(type) && c.length() > levelled.length() && c.endsWith(levelled)) {
                c = c.replace(levelled, e.canonical());
            }
        }
        return c;
    }

    /** 自治区工信厅, 省财政厅: a level word (own_level) before a known short name of the own region's body is that body. */
    private static String levelledBody(String text, String type, EntityRules rules, OwnRegion own) {
        for (EntityRules.Ending e : rules.ownLevels) {
            if (!e.type().equals(type) || !text.startsWith(e.text())) continue;
            EntityRules.Known rest = rules.known.get(text.substring(e.text().length()));
            if (rest != null && rest.type().equals(type) && rest.canonical().startsWith(e.canonical())) {
                return fill(rest.canonical(), text, own);
            }
            break;
        }
        return null;
    }

    /**
     * 自治区教育厅 → 宁夏回族自治区教育厅, 省科学院 → 河南省科学院, 市融资担保集团 → 潍坊市融资担保集团: a body named with its level
     * word alone belongs to the document's own region of that level (the words: entities.tsv own_level).
     */
    static String ownPrefix(String name, String type, EntityRules rules, OwnRegion own) {
        if (own == null) return name;
        // the level words (entities.tsv own_level) in file order; the first the name opens with decides
        for (EntityRules.Ending e : rules.ownLevels) {
            String level = e.text();
            if (!e.type().equals(type) || !name.startsWith(level) || name.length() <= level.length() + 1) continue;
            String region = e.canonical().equals("{province}") ? own.province() : own.local();
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
