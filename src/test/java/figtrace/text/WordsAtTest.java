package figtrace.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The index answers exactly what scanning the list in order answers, at every position of random texts. */
class WordsAtTest {

    private static String scan(List<String> words, String s, int i) {
        for (String w : words) if (s.startsWith(w, i)) return w;
        return null;
    }

    private static List<String> scanAll(List<String> words, String s, int i) {
        List<String> found = new ArrayList<>();
        for (String w : words) if (!w.isEmpty() && s.startsWith(w, i)) found.add(w);
        return found;
    }

    @Test
    void sameAnswersAsAScanInOrder() {
        Random random = new Random(12);
        String alphabet = "启动运行建设完成新疆新区推进";
        for (int round = 0; round < 200; round++) {
            List<String> words = new ArrayList<>();
            for (int n = random.nextInt(30); n > 0; n--) words.add(text(random, alphabet, 1 + random.nextInt(4)));
            if (round % 2 == 0) words.sort((a, b) -> b.length() - a.length()); // longest first, as the stages sort
            WordsAt index = new WordsAt(words);
            String s = text(random, alphabet, random.nextInt(40));
            for (int i = -1; i <= s.length() + 1; i++) {
                assertEquals(scan(words, s, i), index.at(s, i), words + " in " + s + " at " + i);
                assertEquals(scanAll(words, s, i), index.allAt(s, i), words + " in " + s + " at " + i);
            }
        }
    }

    @Test
    void anEmptyWordMatchesWhereAScanWould() {
        List<String> words = List.of("建设", "", "建");
        WordsAt index = new WordsAt(words);
        assertEquals("建设", index.at("建设中", 0));
        assertEquals("", index.at("建设中", 2));
        assertEquals("", index.at("建设中", 3));
        assertEquals(null, index.at("建设中", 4));
    }

    private static String text(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return b.toString();
    }
}
