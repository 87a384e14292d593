package figtrace.rules;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * patterns/listed_subjects.tsv: subjects that list what the figures of a 分别 list are about (三次产业 → 第一产业,
 * 第二产业, 第三产业; 城乡 → 城市, 农村). See the file's header.
 */
public final class ListedItems {
    static final String FILE = "listed_subjects.tsv";

    /** One group: its rows' patterns as one alternation (leftmost match, first row at the same place), and each row. */
    private record Group(Pattern any, List<Pattern> rows, List<List<String>> items) {}

    private final List<Group> groups;

    private ListedItems(List<Group> groups) {
        this.groups = List.copyOf(groups);
    }

    static ListedItems load(Path dir, Problems problems) {
        Map<String, List<PatternTable.Row>> byGroup = new LinkedHashMap<>();
        for (PatternTable.Row row : PatternTable.read(dir, FILE, problems, "group", "pattern", "items")) {
            try {
                Pattern.compile(row.get("pattern"));
                byGroup.computeIfAbsent(row.get("group"), g -> new ArrayList<>()).add(row);
            } catch (PatternSyntaxException e) {
                row.problem(problems, "not a valid RE2 pattern: " + e.getDescription());
            }
        }
        List<Group> groups = new ArrayList<>();
        for (List<PatternTable.Row> rows : byGroup.values()) {
            List<String> alternatives = rows.stream().map(r -> "(?:" + r.get("pattern") + ")").toList();
            groups.add(new Group(Pattern.compile(String.join("|", alternatives)),
                    rows.stream().map(r -> Pattern.compile(r.get("pattern"))).toList(),
                    rows.stream().map(r -> java.util.Arrays.stream(r.get("items").split(","))
                            .map(String::strip).toList()).toList()));
        }
        return new ListedItems(groups);
    }

    /** A listing in a subject: where it stands and what each figure's subject says instead. */
    public record Listing(int start, int end, List<String> items) {
        /** The subject with the listing replaced by its k-th item; null for a k beyond the items. */
        public String item(String subject, int k) {
            return k < items.size() ? subject.substring(0, start) + items.get(k) + subject.substring(end) : null;
        }
    }

    /** The listing of the first group with a match in {@code subject} (its leftmost match), or null. */
    public Listing find(String subject) {
        for (Group g : groups) {
            Matcher m = g.any().matcher(subject);
            if (!m.find()) continue;
            String listing = m.group();
            for (int r = 0; r < g.rows().size(); r++) {
                if (g.rows().get(r).matcher(listing).matches()) return new Listing(m.start(), m.end(), g.items().get(r));
            }
        }
        return null;
    }
}
