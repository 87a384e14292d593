package figtrace.ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The one SHA-256 helper: file contents, rule fingerprints, code versions and record ids all hash through it. */
public final class Sha256 {
    private Sha256() {}

    /** A fresh digest, for hashing several parts in turn. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Lower-case hex SHA-256 of {@code bytes} (64 characters). */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** Lower-case hex SHA-256 of {@code text} as UTF-8. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Lower-case hex SHA-256 of the file's bytes, read in 64 KiB pieces: a file too big to hold in memory still gets
     * its content hash (a rename or an unchanged file is still told).
     */
    public static String hex(java.nio.file.Path file) throws java.io.IOException {
        MessageDigest digest = digest();
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) digest.update(buffer, 0, n);
        }
        return hex(digest);
    }

    /** Lower-case hex of a finished digest. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
