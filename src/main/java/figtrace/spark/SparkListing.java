package figtrace.spark;

import figtrace.ingest.IngestStage;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files of a Spark job's input folder on any Hadoop filesystem: the ones a local run reads (supported
 * extensions, no hidden files or README.md), in a local run's order, named as a local run names them.
 */
final class SparkListing {
    private SparkListing() {}

    /**
     * The files a local run would read, as full URIs in its order: a local run sorts paths, which compares their bytes
     * (UTF-8), and so does this.
     */
    static List<String> list(String input, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(input);
        FileSystem fs = root.getFileSystem(conf);
        if (!fs.getFileStatus(root).isDirectory()) {
            throw new IOException(input + " is not a folder; give the folder holding the documents");
        }
        String prefix = qualifiedRoot(input, conf);
        List<String> out = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            if (!f.isFile()) continue;
            String full = f.getPath().toString();
            String name = relative(prefix, full);
            if (isHiddenOrReadme(name) || !IngestStage.supportedExtension(name)) continue;
            out.add(full);
        }
        out.sort((a, b) -> java.util.Arrays.compare(relative(prefix, a).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                relative(prefix, b).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return out;
    }

    private static boolean isHiddenOrReadme(String name) {
        for (String part : name.split("/")) if (part.startsWith(".")) return true;
        String base = name.substring(name.lastIndexOf('/') + 1);
        return base.toLowerCase(Locale.ROOT).equals("readme.md");
    }

    static String qualifiedRoot(String input, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(input);
        String q = root.getFileSystem(conf).makeQualified(root).toString();
        return q.endsWith("/") ? q : q + "/";
    }

    /** A file's name in the records: its path below the input folder, as a local run names it. */
    static String relative(String rootWithSlash, String full) {
        return full.startsWith(rootWithSlash) ? full.substring(rootWithSlash.length()) : full;
    }
}
