package figtrace.layout;

import figtrace.ingest.IngestStage;
import figtrace.model.DocIssue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The charset of an HTML page's bytes, with an issue when the page declares one and holds another. */
final class HtmlCharset {
    private HtmlCharset() {}

    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_\\-:.]+)");

    /**
     * The charset: a BOM wins; then bytes that are valid UTF-8 (pages often declare gb2312 and hold UTF-8); then the
     * declared charset (gb2312/gbk read as GB18030, their superset); undeclared non-UTF-8 is GB18030.
     */
    static Charset charset(byte[] b, String name, List<DocIssue> issues) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) return StandardCharsets.UTF_8;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return StandardCharsets.UTF_16LE;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) return StandardCharsets.UTF_16BE;
        String head = new String(b, 0, Math.min(b.length, 8192), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        Charset declared = null;
        if (m.find()) declared = lookup(m.group(1));
        boolean ascii = isAscii(b);
        if (!ascii && IngestStage.decodeStrict(b, StandardCharsets.UTF_8) != null) {
            if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
                issues.add(new DocIssue("charset_mismatch", name + ": the page declares charset " + m.group(1)
                        + " but its bytes are UTF-8; read as UTF-8. Fix the <meta charset> if the text looks wrong"));
            }
            return StandardCharsets.UTF_8;
        }
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) return declared;
        return ascii ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
    }

    private static Charset lookup(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.startsWith("gb") || l.equals("x-gbk") || l.equals("cp936") || l.equals("euc-cn")) return Charset.forName("GB18030");
        try {
            return Charset.forName(l);
        } catch (RuntimeException e) {
            return null; // unknown label: decide from the bytes
        }
    }

    private static boolean isAscii(byte[] b) {
        for (byte x : b) if (x < 0) return false;
        return true;
    }
}
