package figtrace.cli;

import java.util.List;

/**
 * Logging levels, set before the first logger is made: figtrace logs through slf4j to stderr (binding slf4j-simple,
 * defaults in {@code simplelogger.properties}: figtrace's warnings only, the libraries silent). With {@code -v} or
 * {@code --verbose} figtrace's own loggers log at debug (each document's stage timings) and the libraries' warnings
 * (PDFBox, Tika, POI) show too.
 */
final class Logging {
    private Logging() {}

    /** Whether the command line asks for verbose output (the option is inherited by every subcommand). */
    static boolean verbose(String[] args) {
        List<String> all = List.of(args);
        return all.contains("-v") || all.contains("--verbose");
    }

    static void configure(boolean verbose) {
        if (!verbose) return;
        System.setProperty("org.slf4j.simpleLogger.log.figtrace", "debug");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    }
}
