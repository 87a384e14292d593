package figtrace.pipeline;

import figtrace.ids.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;

/**
 * The version of figtrace's extraction code, stored with every document: an incremental run re-extracts every
 * document stored by another version. It is a hash of figtrace's own compiled classes, so any change to the code
 * (layout, figure finding, ids) re-extracts without anyone having to remember a version bump. Rule changes are
 * covered by the rules' fingerprint.
 */
public final class ExtractorVersion {
    public static final String VALUE = "0.1.0+" + codeHash();

    private ExtractorVersion() {}

    private static String codeHash() {
        try {
            MessageDigest digest = Sha256.digest();
            Path code = Path.of(ExtractorVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(code)) {
                try (Stream<Path> files = Files.walk(code.resolve("figtrace"))) {
                    for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                        digest.update(code.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        digest.update(Files.readAllBytes(p));
                    }
                }
            } else {
                // a jar's own bytes change with its timestamps; hash the figtrace classes inside it instead
                try (InputStream in = Files.newInputStream(code); JarInputStream jar = new JarInputStream(in)) {
                    java.util.TreeMap<String, byte[]> classes = new java.util.TreeMap<>();
                    for (JarEntry e; (e = jar.getNextJarEntry()) != null; ) {
                        if (e.getName().startsWith("figtrace/") && e.getName().endsWith(".class")) {
                            classes.put(e.getName(), jar.readAllBytes());
                        }
                    }
                    classes.forEach((name, bytes) -> {
                        digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        digest.update(bytes);
                    });
                }
            }
            return Sha256.hex(digest).substring(0, 12);
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return "unknown"; // never reuse across an unknown build: "unknown" differs from any stored hash
        }
    }
}
