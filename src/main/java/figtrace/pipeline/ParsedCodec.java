package figtrace.pipeline;

import figtrace.model.DocIssue;
import figtrace.model.DocStatus;
import figtrace.model.DocType;
import figtrace.model.DocumentText;
import figtrace.model.OcrWord;
import figtrace.model.ParsedDocument;
import figtrace.model.SourceFile;
import figtrace.model.TextLine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes between the runner and its {@link ParseWorker}: a request (the file) and a reply (its
 * {@link ParsedDocument}). Text goes as UTF-16 code units, so any string — even one with a lone surrogate from a
 * broken PDF font — arrives exactly as the parser made it and offsets stay true.
 */
final class ParsedCodec {
    private ParsedCodec() {}

    static void writeRequest(DataOutputStream out, SourceFile source, byte[] bytes) throws IOException {
        writeString(out, source.name());
        writeString(out, source.sha256());
        writeString(out, source.type().name());
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Null at the end of the stream (the runner closed it). */
    static Request readRequest(DataInputStream in) throws IOException {
        String name;
        try {
            name = readString(in);
        } catch (java.io.EOFException e) {
            return null;
        }
        String sha = readString(in);
        DocType type = DocType.valueOf(readString(in));
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new Request(new SourceFile(name, sha, bytes.length, type), bytes);
    }

    record Request(SourceFile source, byte[] bytes) {}

    /**
     * What the worker sends while it parses: {@link #PROGRESS} for every page it has read by OCR (the runner then
     * counts the document's time limit again from there), then {@link #REPLY} followed by the parsed document.
     */
    static final byte PROGRESS = 1, REPLY = 2;

    static void writeParsed(DataOutputStream out, ParsedDocument d) throws IOException {
        writeString(out, d.status().name());
        out.writeInt(d.pages() == null ? -1 : d.pages());
        out.writeInt(d.issues().size());
        for (DocIssue i : d.issues()) {
            writeString(out, i.code());
            writeString(out, i.message());
        }
        // sorted, so the reply is the same bytes whatever order the map iterates in
        List<Map.Entry<String, String>> meta = new ArrayList<>(d.metadata().entrySet());
        meta.sort(Map.Entry.comparingByKey());
        out.writeInt(meta.size());
        for (Map.Entry<String, String> e : meta) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
        writeString(out, d.text().text());
        out.writeInt(d.text().lines().size());
        for (TextLine l : d.text().lines()) {
            out.writeInt(l.page());
            out.writeInt(l.number());
            out.writeInt(l.start());
            out.writeInt(l.end());
            out.writeBoolean(l.continues());
            out.writeInt(l.table());
        }
        // OCR words: without them the figures of OCR pages would lose source ocr, their confidence and page box
        out.writeInt(d.text().ocrWords().size());
        for (OcrWord w : d.text().ocrWords()) {
            out.writeInt(w.start());
            out.writeInt(w.end());
            out.writeInt(w.page());
            out.writeFloat(w.confidence());
            out.writeFloat(w.x0());
            out.writeFloat(w.y0());
            out.writeFloat(w.x1());
            out.writeFloat(w.y1());
        }
        // what OCR cost, for the runner's log
        out.writeBoolean(d.ocr() != null);
        if (d.ocr() != null) {
            out.writeInt(d.ocr().pages());
            out.writeInt(d.ocr().fromCache());
            out.writeLong(d.ocr().millis());
        }
    }

    static ParsedDocument readParsed(DataInputStream in) throws IOException {
        DocStatus status = DocStatus.valueOf(readString(in));
        int pages = in.readInt();
        int n = in.readInt();
        List<DocIssue> issues = new ArrayList<>(n);
        for (int i = 0; i < n; i++) issues.add(new DocIssue(readString(in), readString(in)));
        n = in.readInt();
        Map<String, String> meta = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) meta.put(readString(in), readString(in));
        String text = readString(in);
        n = in.readInt();
        List<TextLine> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lines.add(new TextLine(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readBoolean(), in.readInt()));
        }
        n = in.readInt();
        if (n < 0) throw new IOException("bad reply from the parse worker");
        List<OcrWord> words = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            words.add(new OcrWord(in.readInt(), in.readInt(), in.readInt(), in.readFloat(), in.readFloat(),
                    in.readFloat(), in.readFloat(), in.readFloat()));
        }
        figtrace.model.OcrRun ocr = in.readBoolean() ? new figtrace.model.OcrRun(in.readInt(), in.readInt(), in.readLong()) : null;
        return new ParsedDocument(new DocumentText(text, lines, words), pages < 0 ? null : pages, status, issues, meta, ocr);
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = new byte[s.length() * 2];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b[2 * i] = (byte) (c >>> 8);
            b[2 * i + 1] = (byte) c;
        }
        out.writeInt(s.length());
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) throw new IOException("bad reply from the parse worker");
        byte[] b = new byte[n * 2];
        in.readFully(b);
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = (char) (((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF));
        return new String(c);
    }

}
