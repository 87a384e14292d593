package figtrace.pipeline;

import figtrace.store.DocumentRow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * A file's size and modification time, read before its bytes: a file whose stamp equals its stored row's is not read
 * again. A time is trusted (stored) only when it was at least {@link #TRUSTED_AGE_NANOS} old when the file was read,
 * so a file written again within the same clock tick is still re-hashed.
 */
record FileStamp(long size, long mtimeNanos, long seenAtNanos) {
    /** A modification time younger than this when the file is read is not stored, so it never skips a re-hash. */
    static final long TRUSTED_AGE_NANOS = TimeUnit.SECONDS.toNanos(2);

    static FileStamp of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
            return new FileStamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), now);
        } catch (IOException e) {
            return null; // reading the file will say what is wrong
        }
    }

    boolean matches(DocumentRow row) {
        return row.size() != null && row.mtimeNanos() != null && row.size() == size && row.mtimeNanos() == mtimeNanos;
    }

    /** The time to store: null when the file changed so recently that a same-tick rewrite could go unseen. */
    Long trustedMtime() {
        return seenAtNanos - mtimeNanos >= TRUSTED_AGE_NANOS ? mtimeNanos : null;
    }
}
