package figtrace.model;

/** The formats figtrace reads. The type is sniffed from the bytes; the file extension is only a hint. */
public enum DocType {
    TXT, HTML, PDF, DOCX, DOC, UNKNOWN;

    public String code() { return name().toLowerCase(); }
}
