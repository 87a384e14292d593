package figtrace.pipeline;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches a corpus folder and its sub-folders (new ones included) for files being added, changed or removed, and
 * reports a batch of changes once the folder has been quiet for a while — so a file still being copied is not read
 * half-written. Events under {@code ignored} (the output folder, when it lies inside the corpus) do not count.
 */
public final class CorpusWatcher implements Closeable {
    private final WatchService service;
    private final Path ignored;
    private final Map<WatchKey, Path> dirs = new HashMap<>();

    public CorpusWatcher(Path corpus, Path ignored) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.ignored = ignored.toAbsolutePath().normalize();
        registerTree(corpus.toAbsolutePath().normalize());
    }

    /**
     * Blocks until something in the corpus changes and then nothing changes for {@code quiet}. Returns false when the
     * watcher was closed (Ctrl-C), true when there is a batch to process.
     */
    public boolean awaitChanges(Duration quiet) throws InterruptedException, IOException {
        try {
            boolean relevant = false;
            while (!relevant) relevant = handle(service.take());
            while (true) {
                WatchKey key = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
                if (key == null) return true;
                handle(key);
            }
        } catch (ClosedWatchServiceException e) {
            return false;
        }
    }

    private boolean handle(WatchKey key) throws IOException {
        Path dir = dirs.get(key);
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true; // events were lost: a full (incremental) run finds whatever changed
                continue;
            }
            if (dir == null) continue;
            Path child = dir.resolve((Path) event.context());
            if (child.startsWith(ignored)) continue;
            relevant = true;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) registerTree(child);
        }
        if (!key.reset()) dirs.remove(key);
        return relevant;
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path dir : walk.filter(Files::isDirectory).toList()) {
                if (dir.startsWith(ignored)) continue;
                dirs.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE), dir);
            }
        } catch (NoSuchFileException | java.io.UncheckedIOException gone) {
            // a folder created and removed again at once: nothing to watch
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
