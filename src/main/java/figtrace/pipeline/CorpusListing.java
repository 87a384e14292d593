package figtrace.pipeline;

import figtrace.ingest.IngestStage;
import figtrace.pipeline.CorpusRunner.Skipped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The files of a corpus folder a run reads, in a stable order, and the paths it passes over with the reason. */
final class CorpusListing {
    private CorpusListing() {}

    /** The files a run reads, in a stable order, and the paths it passes over with the reason. */
    record Listing(List<Path> files, List<Skipped> skipped) {}

    static List<Path> listFiles(Path corpus) throws IOException {
        return list(corpus).files();
    }

    /**
     * Walks the corpus without following links. Hidden files and README.md are left out silently; anything else that
     * is not read — another format, a FIFO or device (reading it would block), a link out of the corpus, an unreadable
     * folder, a folder named like a document — is listed as skipped with the reason.
     */
    static Listing list(Path corpus) throws IOException {
        Path root = corpus.toRealPath();
        List<Path> files = new ArrayList<>();
        java.util.TreeMap<String, String> skipped = new java.util.TreeMap<>();
        Files.walkFileTree(corpus, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
                new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                        if (!dir.equals(corpus) && IngestStage.supportedExtension(dir.getFileName().toString())) {
                            skipped.put(relativeName(corpus, dir), "a folder, not a file, although its name ends like"
                                    + " a document; the files inside it are read as usual");
                        }
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                        String base = file.getFileName().toString();
                        if (base.startsWith(".") || base.toLowerCase(Locale.ROOT).equals("readme.md")) {
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }
                        String name = relativeName(corpus, file);
                        String why = whyNotRead(root, file, a, name);
                        if (why == null) files.add(file); else skipped.put(name, why);
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                        skipped.put(relativeName(corpus, file), "cannot be read (" + e.getClass().getSimpleName()
                                + "); check that you may read it");
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                });
        files.sort(null);
        List<Skipped> list = new ArrayList<>();
        skipped.forEach((n, r) -> list.add(new Skipped(n, r)));
        return new Listing(files, list);
    }

    /** Null when the file is read; else why not. */
    private static String whyNotRead(Path root, Path file, BasicFileAttributes a, String name) {
        if (a.isSymbolicLink()) {
            try {
                Path target = file.toRealPath();
                if (!target.startsWith(root)) {
                    return "a link to a file outside the corpus folder; figtrace reads only files inside it. Copy the"
                            + " file in if it belongs to the corpus";
                }
                if (!Files.isRegularFile(target)) return "a link to something that is not a file; skipped";
            } catch (IOException e) {
                return "a link whose target is missing; skipped";
            }
        } else if (!a.isRegularFile()) {
            return "not a regular file (a named pipe, socket or device); reading it could block, so it is skipped";
        }
        if (!IngestStage.supportedExtension(name)) {
            return "not a format figtrace reads (it reads .txt, .html, .htm, .pdf, .docx, .doc); skipped";
        }
        return null;
    }

    static String relativeName(Path corpus, Path file) {
        return corpus.relativize(file).toString().replace('\\', '/');
    }
}
