package figtrace.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** The folders every extracting command takes (run, watch): the corpus, the outputs and the rules. A picocli mixin. */
final class CorpusFolders {
    @Parameters(index = "0", arity = "0..1", defaultValue = "corpus", paramLabel = "CORPUS",
            description = "Folder with the documents. Default: ${DEFAULT-VALUE}.")
    Path corpus;

    @Option(names = "--out", defaultValue = "extracted", paramLabel = "DIR",
            description = "Folder for the outputs. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--patterns", paramLabel = "DIR", description = "Folder with the rules. Default: patterns/.")
    Path patterns;
}
