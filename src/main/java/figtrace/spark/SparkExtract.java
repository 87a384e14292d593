package figtrace.spark;

import figtrace.ingest.IngestStage;
import figtrace.layout.Ocr;
import figtrace.layout.TesseractOcr;
import figtrace.limits.LimitCheck;
import figtrace.limits.Limits;
import figtrace.model.DocumentResult;
import figtrace.model.SourceFile;
import figtrace.pipeline.InProcessParser;
import figtrace.pipeline.Pipeline;
import figtrace.rules.RulesException;
import figtrace.rules.RulesStage;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The figtrace extraction as an Apache Spark job: the same {@link Pipeline#extract} on the executors, over a folder on
 * any Hadoop filesystem (local, HDFS, S3A …), writing {@code documents}, {@code figures}, {@code entities} and
 * {@code measures} each as JSONL ({@code OUT/figures.jsonl/part-*}: concatenated in name order, the single-machine
 * run's {@code figures.jsonl} byte for byte) and as Parquet ({@code OUT/figures.parquet}, the same columns).
 *
 * <p>How: the driver lists the files (the same ones {@code figtrace run} reads: supported extensions, no hidden files
 * or README.md) in the same order as a local run, and hands them out in contiguous slices, so partition order is
 * corpus order and no shuffle or sort is needed. Each executor reads its files through the Hadoop filesystem and
 * extracts them with a pipeline and an in-process parser held to the same limits as a local run (a time-out gives the
 * document {@code limit_exceeded}; a parser stuck past it is abandoned, not killed, which is why a local run of
 * unknown files prefers child processes). The rules in {@code patterns/} are read on the driver and broadcast, so the
 * executors need no copy of them. Each executor JVM keeps its pipelines (one per task thread) across tasks. The
 * listing is {@link SparkListing}, the records' columns {@link SparkRecords}.
 *
 * <p>Not done here (yet): the panel (it is built from the store with reviews, see {@code PanelRun}); tables are not on
 * main. A PDF page without a text layer is read by OCR only where Tesseract is installed on the executor.
 */
public final class SparkExtract {

    /** What one job does. {@code ocr}: read PDF pages without a text layer with Tesseract when an executor has it. */
    public record Job(String input, String output, Path patterns, Limits limits, int partitions, boolean ocr) {}

    /** What a job wrote: documents and records per output. */
    public record Summary(int documents, Map<String, Long> records) {}

    /**
     * Runs the job on {@code spark}. The input is a folder path or URI ({@code hdfs://nn/reports},
     * {@code file:///data/reports}); the output folder must not exist or is replaced.
     */
    public static Summary run(SparkSession spark, Job job) throws IOException, RulesException {
        RulesStage.load(job.patterns()); // bad rules stop the job here, with the rules' own messages, before any task
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = sc.hadoopConfiguration();
        List<String> files = SparkListing.list(job.input(), conf);
        String root = SparkListing.qualifiedRoot(job.input(), conf);
        Broadcast<Shipment> shipment = sc.broadcast(new Shipment(readPatterns(job.patterns()),
                job.limits().toArgs(), job.ocr()));
        int slices = Math.max(1, Math.min(files.size(), job.partitions() > 0 ? job.partitions()
                : sc.defaultParallelism() * 4));
        JavaRDD<SparkRecords.Rec> records = sc.parallelize(files, slices)
                .mapPartitions(paths -> extractAll(paths, root, shipment.value()))
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        Map<String, Long> counts = new TreeMap<>();
        try {
            for (SparkRecords.Kind kind : SparkRecords.Kind.values()) {
                JavaRDD<SparkRecords.Rec> ofKind = records.filter(r -> r.kind() == kind);
                String base = job.output().endsWith("/") ? job.output() : job.output() + "/";
                spark.createDataset(ofKind.map(SparkRecords.Rec::json).rdd(), Encoders.STRING())
                        .write().mode(SaveMode.Overwrite).text(base + kind.file() + ".jsonl");
                spark.createDataFrame(ofKind.map(r -> RowFactory.create(r.values())), SparkRecords.schema(kind))
                        .write().mode(SaveMode.Overwrite).parquet(base + kind.file() + ".parquet");
                counts.put(kind.file(), ofKind.count());
            }
        } finally {
            records.unpersist(false);
            shipment.destroy();
        }
        return new Summary(files.size(), counts);
    }

    /** What every task needs, sent once per executor: the rule files, the limits, whether to OCR. */
    record Shipment(TreeMap<String, byte[]> patterns, String[] limits, boolean ocr) implements Serializable {
        String fingerprint() {
            return IngestStage.sha256(String.join("\n", patterns.entrySet().stream()
                    .map(e -> e.getKey() + "\t" + IngestStage.sha256(e.getValue())).toList()).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)) + ocr;
        }
    }

    private static TreeMap<String, byte[]> readPatterns(Path dir) throws IOException {
        TreeMap<String, byte[]> files = new TreeMap<>();
        try (var list = Files.list(dir)) {
            for (Path p : list.filter(Files::isRegularFile).toList()) files.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
        return files;
    }

    /** An executor's pipeline and parser, used by one task at a time. */
    private record Slot(Pipeline pipeline, InProcessParser parser) {}

    /** Per executor JVM: idle slots by rules fingerprint, and the folder each set of rules was unpacked to. */
    private static final Map<String, ConcurrentLinkedQueue<Slot>> IDLE = new ConcurrentHashMap<>();
    private static final Map<String, Path> UNPACKED = new ConcurrentHashMap<>();

    private static Iterator<SparkRecords.Rec> extractAll(Iterator<String> paths, String root, Shipment shipment)
            throws IOException, RulesException {
        String key = shipment.fingerprint();
        Slot slot = IDLE.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).poll();
        if (slot == null) slot = newSlot(key, shipment);
        List<SparkRecords.Rec> out = new ArrayList<>();
        try {
            Limits limits = Limits.fromArgs(shipment.limits(), 0);
            Configuration conf = new Configuration();
            while (paths.hasNext()) {
                String full = paths.next();
                out.addAll(SparkRecords.of(extractOne(slot, full, SparkListing.relative(root, full), limits, conf)));
            }
        } finally {
            IDLE.get(key).add(slot);
        }
        return out.iterator();
    }

    private static Slot newSlot(String key, Shipment shipment) throws IOException, RulesException {
        Path dir = UNPACKED.get(key);
        if (dir == null) {
            synchronized (UNPACKED) {
                dir = UNPACKED.get(key);
                if (dir == null) {
                    dir = Files.createTempDirectory("figtrace-patterns");
                    for (var e : shipment.patterns().entrySet()) Files.write(dir.resolve(e.getKey()), e.getValue());
                    UNPACKED.put(key, dir);
                }
            }
        }
        Path ocrCache = null;
        Ocr ocr = Ocr.NONE;
        if (shipment.ocr()) {
            Path cache = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "figtrace-ocr-cache"));
            TesseractOcr tesseract = new TesseractOcr(cache);
            if (tesseract.available()) {
                ocr = tesseract;
                ocrCache = cache;
            }
        }
        Limits limits = Limits.fromArgs(shipment.limits(), 0);
        return new Slot(new Pipeline(RulesStage.load(dir), ocr), new InProcessParser(limits, ocrCache));
    }

    /** One file: read through the Hadoop filesystem and extracted as a local run would (same limits, same failures). */
    private static DocumentResult extractOne(Slot slot, String full, String name, Limits limits, Configuration conf) {
        byte[] bytes;
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(full);
            FileSystem fs = path.getFileSystem(conf);
            long size = fs.getFileStatus(path).getLen();
            if (size > limits.maxFileBytes()) {
                SourceFile source = new SourceFile(name, sha256(fs, path), size, IngestStage.typeFromExtension(name));
                return new DocumentResult(source, LimitCheck.fileSize(name, size, limits), List.of());
            }
            try (FSDataInputStream in = fs.open(path)) {
                bytes = in.readAllBytes();
            }
        } catch (IOException | OutOfMemoryError e) {
            return figtrace.pipeline.SafeExtraction.failure(name, new byte[0], "unreadable", name + ": the file cannot be read ("
                    + e.getMessage() + "); check that it exists and that you may read it");
        }
        return figtrace.pipeline.SafeExtraction.process(slot.pipeline(), slot.parser(), name, bytes);
    }

    private static String sha256(FileSystem fs, org.apache.hadoop.fs.Path path) throws IOException {
        try (InputStream in = fs.open(path)) {
            java.security.MessageDigest digest = figtrace.ids.Sha256.digest();
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) digest.update(buffer, 0, n);
            return figtrace.ids.Sha256.hex(digest);
        }
    }

    /**
     * {@code spark-submit --class figtrace.spark.SparkExtract figtrace-spark.jar INPUT OUTPUT [--patterns DIR]
     * [--partitions N] [--no-ocr] [--doc-timeout SECONDS]}. Prints one summary line; exit code 2 for bad usage or
     * rules, 1 when the job failed.
     */
    public static void main(String[] args) {
        List<String> positional = new ArrayList<>();
        Path patterns = Path.of("patterns");
        int partitions = 0;
        boolean ocr = true;
        Limits limits = Limits.defaults();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--patterns" -> patterns = Path.of(args[++i]);
                    case "--partitions" -> partitions = Integer.parseInt(args[++i]);
                    case "--no-ocr" -> ocr = false;
                    case "--doc-timeout" -> limits = limits.withDocTimeout(java.time.Duration.ofMillis(
                            (long) (Double.parseDouble(args[++i]) * 1000)));
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> positional.add(args[i]);
                }
            }
        } catch (RuntimeException e) {
            positional.clear();
        }
        if (positional.size() != 2) {
            System.err.println("figtrace spark: give the input folder and the output folder\n" + USAGE);
            System.exit(2);
        }
        SparkSession.Builder builder = SparkSession.builder().appName("figtrace");
        if (!new org.apache.spark.SparkConf().contains("spark.master")) builder.master("local[*]");
        try (SparkSession spark = builder.getOrCreate()) {
            Summary s = run(spark, new Job(positional.get(0), positional.get(1), patterns, limits, partitions, ocr));
            System.out.println("figtrace spark: " + s.documents() + " document(s), " + s.records() + " → "
                    + positional.get(1));
        } catch (RulesException e) {
            e.problems().forEach(System.err::println);
            System.err.println("figtrace spark: the rules in " + patterns + " have problems; fix them (./figtrace rules check)");
            System.exit(2);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("figtrace spark: " + e.getMessage());
            System.exit(1);
        }
    }

    private static final String USAGE = """
            Usage: spark-submit --class figtrace.spark.SparkExtract figtrace-spark.jar INPUT OUTPUT [options]
              INPUT   folder of documents on any Hadoop filesystem (hdfs://…, s3a://…, file:///…, a local path)
              OUTPUT  folder for documents/figures/entities/measures as .jsonl/ (part files) and .parquet/
              --patterns DIR     the rules folder on the machine that submits (default: patterns); sent to the executors
              --partitions N     slices of the corpus (default: 4 × the default parallelism)
              --doc-timeout S    give up reading a file after S seconds (default 120)
              --no-ocr           never run Tesseract, even where an executor has it""";

    private SparkExtract() {}
}
