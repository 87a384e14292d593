package figtrace.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * One writer per output folder: an exclusive lock on {@code OUT/.figtrace.lock}, held while a run or watch writes
 * there. The operating system releases it when the process ends, however it ends (kill -9 included), so a stale lock
 * never blocks anyone. The file holds the holder's pid, for the message others get.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = ".figtrace.lock";

    /** Another process (or another run in this one) holds the lock. */
    public static final class HeldException extends Exception {
        HeldException(String message) { super(message); }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock on {@code out}, waiting up to {@code wait} for another holder to finish. */
    public static RunLock acquire(Path out, Duration wait) throws IOException, HeldException {
        Files.createDirectories(out);
        Path file = out.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
                    channel.force(false);
                    return new RunLock(channel, lock);
                }
                if (System.nanoTime() >= deadline) {
                    String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
                    channel.close();
                    throw new HeldException("another figtrace run is writing " + out + "/ (pid "
                            + (pid.isEmpty() ? "unknown" : pid) + "); wait for it or stop it");
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            throw new HeldException("interrupted while waiting for another figtrace run on " + out + "/");
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very process
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
