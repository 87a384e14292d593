package figtrace.entities;
import figtrace.layout.LayoutStage;
import org.junit.jupiter.api.Test;
import java.nio.file.*;
class ScratchDebugTest {
    @Test void dump() throws Exception {
        EntityStage st = new EntityStage();
        for (String line : Files.readAllLines(Path.of("/tmp/dbg.txt"))) {
            System.out.println("LINE " + line);
            System.out.println("  base " + Hanlp.tokens(line));
            System.out.println("  names " + Hanlp.nameTokens(line).stream().filter(t -> t.nature().startsWith("n")).map(t -> t.word() + "/" + t.nature()).toList());
            st.extract("x.txt", LayoutStage.linesOf(line, 0)).forEach(e -> System.out.println("  => " + e.type() + " " + e.text() + " [" + e.canonical() + "] " + e.rule()));
        }
    }
}
