package figtrace.model;

/**
 * What kind of document a text is, read from its title, issuer and first lines (patterns/metadata.tsv). The kind
 * decides how undated figures are read: a bulletin's are about its report year, a budget report's execution
 * figures about the year just ended and its budget figures about the coming year.
 */
public enum DocKind {
    /** 统计公报: a year's statistics of a region. */
    BULLETIN("bulletin"),
    /** A budget report: the execution of the past year's budget (完成, 执行) and usually the draft of the next (预算, 安排). */
    BUDGET("budget"),
    /** 决算: the final accounts of a closed year. */
    FINAL_ACCOUNTS("final_accounts"),
    /** A credit rating report (评级报告) on a company or a bond issue. */
    RATING_REPORT("rating_report"),
    PAPER("paper"),
    NEWS("news"),
    /** A government reply to a proposal (答复, 办理意见). */
    REPLY("reply"),
    /** A government work report or another official report. */
    REPORT("report"),
    OTHER("other");

    private final String code;

    DocKind(String code) { this.code = code; }

    /** The name written to documents.csv and the database. */
    public String code() { return code; }

    /** The kind with this code; OTHER for null or an unknown code. */
    public static DocKind fromCode(String code) {
        for (DocKind k : values()) if (k.code.equals(code)) return k;
        return OTHER;
    }

    /** Budget reports and final accounts: their figures are executed or budgeted amounts of a fiscal year. */
    public boolean isFiscal() { return this == BUDGET || this == FINAL_ACCOUNTS; }
}
