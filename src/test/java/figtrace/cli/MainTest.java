package figtrace.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MainTest {
    @Test
    void theFullCommandLineListsEveryCommandInHelpOrder() {
        assertEquals(List.of("run", "watch", "serve", "cite", "export", "panel", "eval", "rules", "help"),
                List.copyOf(Main.commandLine().getSubcommands().keySet()));
    }

    @Test
    void startingACommandBuildsOnlyThatCommand() {
        assertEquals(List.of("run"), List.copyOf(Main.commandLine("run").getSubcommands().keySet()));
    }
}
