package figtrace.entities;

import java.util.List;

/**
 * Entity candidates for people and from HanLP's recognisers: person names HanLP finds (kept when they start with a
 * common surname and, for two characters, stand by a title), the people of a byline (编辑:韩佳 张兴红), and HanLP's
 * places and organisations that the gazetteer and suffix rules do not know. Split out of {@link CandidateFinder}.
 */
final class PeopleAndHanlpNames {
    private final EntityRules rules;

    PeopleAndHanlpNames(EntityRules rules) { this.rules = rules; }

    /**
     * People named in a byline: 编辑:韩佳 张兴红, 记者 王斌、韩显明报道. The labels and the endings cut off a name
     * (报道) are in entities.tsv; each name starts
     * with a common surname and has two to four characters.
     */
    void bylines(String line, int offset, List<Candidate> out) {
        for (String label : rules.bylines) {
            for (int i = line.indexOf(label); i >= 0; i = line.indexOf(label, i + 1)) {
                // a label stands at the start of the line or after punctuation or a space, not inside a word
                if (i > 0 && CandidateFinder.isNameChar(line.charAt(i - 1))) continue;
                int j = i + label.length();
                while (j < line.length() && ":：| 　\t".indexOf(line.charAt(j)) >= 0) j++;
                while (j < line.length()) {
                    int k = j;
                    while (k < line.length() && CandidateFinder.isNameChar(line.charAt(k)) && k - j < 5) k++;
                    String name = line.substring(j, k);
                    for (String tail : rules.bylineEndings) {
                        if (name.endsWith(tail)) name = name.substring(0, name.length() - tail.length());
                    }
                    if (name.length() < 2 || name.length() > 4 || rules.surnames.indexOf(name.charAt(0)) < 0) break;
                    out.add(new Candidate(offset + j, offset + j + name.length(), "PERSON", null, "entities:byline", CandidateFinder.RULE, null));
                    j += name.length();
                    if (j >= line.length() || " 　、，,".indexOf(line.charAt(j)) < 0) break;
                    while (j < line.length() && " 　、，,".indexOf(line.charAt(j)) >= 0) j++;
                }
            }
        }
    }

    /**
     * HanLP's own place and organisation recognisers. A place (ns) the gazetteer doesn't know counts when it ends like
     * a place (…县, …国); an organisation (nt: 金风科技, 塔里木油田, 河南省人民政府) counts when it stands in a 、-list of
     * names or before 等/公司/集团, or ends with an organisation suffix, and holds no verb or title (HanLP glues those:
     * 省长王凯作政府, 工程建成投运). These lose every overlap to our own rules.
     */
    void hanlpNames(String line, int offset, List<Hanlp.Token> baseTokens, List<Candidate> out) {
        List<Hanlp.Token> tokens = Hanlp.nameTokens(line);
        for (int n = 0; n < tokens.size(); n++) {
            Hanlp.Token t = tokens.get(n);
            String w = t.word();
            // a county-level city named without 市 (珲春 in 促进珲春与东北亚地区港口城市互联互通, jilin work report; 义乌 in
            // 义乌机场改扩建, zhejiang work report): HanLP's place word and the gazetteer agree
            // (only cities: the short forms of districts and counties are as often words, 惠民, 新城, 河东)
            if (w.length() == 2 && t.nature().startsWith("ns") && rules.countyStems.getOrDefault(w, "").endsWith("市")
                    && !rules.known.containsKey(w) && !strayAfter(baseTokens, t.end())
                    && baseTokens.stream().anyMatch(b -> b.start() == t.start() && b.end() == t.end() && b.nature().startsWith("ns"))) {
                out.add(new Candidate(offset + t.start(), offset + t.end(), "PLACE", rules.countyStems.get(w), "entities:hanlp_place",
                        CandidateFinder.HANLP_NAME, null));
                continue;
            }
            if (w.length() < 3 || w.length() > 20 || !w.chars().allMatch(c -> CandidateFinder.isNameChar((char) c))) continue;
            if (rules.generics.contains(w) || rules.isCategory(w) || rules.stops.contains(w)) continue;
            if (t.nature().startsWith("ns")) {
                if (rules.known.containsKey(w) || rules.placeEndings.stream().noneMatch(w::endsWith)) continue;
                out.add(new Candidate(offset + t.start(), offset + t.end(), "PLACE", null, "entities:hanlp_place", CandidateFinder.HANLP_NAME, null));
            } else if (t.nature().startsWith("nt")) {
                String before = n > 0 ? tokens.get(n - 1).word() : "", after = n + 1 < tokens.size() ? tokens.get(n + 1).word() : "";
                // entities.tsv org_cue_before / org_cue_after: a 、-list, or 等, 公司, 集团 after it
                boolean listed = rules.orgCuesBefore.contains(before) || rules.orgCuesAfter.contains(after);
                boolean suffixed = rules.suffixes.stream().anyMatch(s -> s.type().equals("ORG") && w.endsWith(s.text()));
                if (!listed && !suffixed) continue;
                // 州市高新技术企业: a class of bodies, not one
                if (rules.classEndings.stream().anyMatch(w::endsWith)) continue;
                if (!cleanName(w)) continue;
                out.add(new Candidate(offset + t.start(), offset + t.end(), "ORG", null, "entities:hanlp_org", CandidateFinder.HANLP_NAME, null));
            }
        }
    }

    /**
     * True when a single character that is no function word follows at {@code end} (乌苏 + 里 in 乌苏里江, heilongjiang
     * work report, is no city), or a dash (延吉－长白…试验区, jilin work report).
     */
    private static boolean strayAfter(List<Hanlp.Token> tokens, int end) {
        for (Hanlp.Token b : tokens) {
            if (b.start() != end) continue;
            // 延吉－长白重点开发开放试验区: a place joined to another by a dash is part of a name
            if ("－-—–".indexOf(b.word().charAt(0)) >= 0) return true;
            String n = b.nature();
            return b.word().length() == 1 && CandidateFinder.isNameChar(b.word().charAt(0))
                    && !(n.startsWith("p") || n.startsWith("c") || n.startsWith("u"));
        }
        return false;
    }

    /** No verb, title, number or function word inside, no modifier-only start: a name, not a phrase HanLP glued. */
    private boolean cleanName(String w) {
        List<Hanlp.Token> inner = Hanlp.tokens(w);
        if (inner.isEmpty()) return false;
        for (Hanlp.Token t : inner) {
            if (rules.keeps.contains(t.word())) continue;
            String nat = t.nature();
            if (t.isVerb() || nat.startsWith("nnt") || nat.startsWith("m") || nat.startsWith("p") || nat.startsWith("u")
                    || nat.startsWith("c") || nat.startsWith("d") || nat.startsWith("r") || nat.startsWith("f")) return false;
            if (rules.stops.contains(t.word()) || rules.titles.contains(t.word())) return false;
        }
        // 产业创新研究院, 示范基地: common nouns only; a company or body has a proper part (金风, 塔里木, 特变电工)
        boolean proper = inner.stream().map(Hanlp.Token::nature).anyMatch(n -> n.startsWith("nr") || n.startsWith("ns")
                || n.startsWith("nz") || n.startsWith("nx") || n.equals("j") || n.equals("nt"));
        if (!proper) return false;
        // 大型资源基地: a name made of qualifiers and a kind is a class of things
        return !rules.isOnlyModifiers(w, "ORG") && !inner.get(0).nature().equals("b");
    }

    /**
     * Person names from HanLP (it knows Chinese given-name patterns; we don't). HanLP also calls many two-character
     * verb phrases names (强链, 施策), so a name must start with a common surname, and a two-character one must be
     * followed by a title (李强总理, 马兴瑞书记 is three characters and needs none).
     */
    void persons(String line, int offset, List<Hanlp.Token> tokens, List<Candidate> out) {
        for (Hanlp.Token t : tokens) {
            if (!t.isPerson() || t.word().length() < 2 || t.word().length() > 4) continue;
            String name = t.word();
            if (rules.known.containsKey(name) || rules.stops.contains(name) || rules.generics.contains(name)) continue;
            if (rules.surnames.indexOf(name.charAt(0)) < 0) continue;
            // 方式和, 向社会: HanLP glued a word and a function character into a "name"
            if (rules.stops.contains(name.substring(name.length() - 1)) || rules.stops.contains(name.substring(0, 1))) continue;
            // 余万人: a count of people, not 余 + a given name
            if (name.endsWith("人") || "万亿千百十多余".indexOf(name.charAt(1)) >= 0
                    || (t.start() > 0 && Character.isDigit(line.charAt(t.start() - 1)))) continue;
            if (name.length() == 2 && !rules.startsWithTitle(line, t.end()) && !titleEndsAt(line, t.start())) continue;
            out.add(new Candidate(offset + t.start(), offset + t.end(), "PERSON", null, "entities:hanlp_person",
                    CandidateFinder.PERSON, null));
        }
    }

    private boolean titleEndsAt(String line, int at) {
        for (String t : rules.titles) if (at >= t.length() && line.startsWith(t, at - t.length())) return true;
        return false;
    }
}
