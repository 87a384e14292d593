package figtrace.cli;

/** PLACEHOLDER entry point; the picocli commands come with the run/eval work. */
public final class Main {
    public static void main(String[] args) {
        System.err.println("figtrace: not built yet");
        System.exit(1);
    }
}
