/**
 * Layout: bytes to {@link figtrace.model.DocumentText} with page and line provenance ({@link figtrace.layout.LayoutStage}
 * is the one entry point). One package-private reader per format:
 * <ul>
 *   <li>{@code TxtReader}: UTF-8 (BOM dropped) or GB18030; lines are the file's lines; tab blocks marked as tables.</li>
 *   <li>{@code HtmlReader}: jsoup; charset from BOM, bytes and meta; site chrome dropped; blocks are lines, inline
 *       elements joined without separators; one line per table row, cells split by '\t'. Also reads the XHTML Tika
 *       makes of Word files.</li>
 *   <li>{@code PdfReader}: PDFBox, per page; page numbers and running headers dropped; soft wraps flagged; wide gaps
 *       become '\t' cells; scans, garbled text layers and truncated files get their own status.</li>
 *   <li>{@code OfficeReader}: Tika's OOXML and OLE2 Word parsers, through {@code HtmlReader}.</li>
 * </ul>
 * The text is not normalised here (no NFKC, no reflow): it stays as the source shows it so quotes cut from it match.
 */
package figtrace.layout;
