package jp.ebpm.analysis.export.xlsx;

import java.time.LocalDate;
import java.util.List;

/**
 * What the cover and the sources-and-notes sheets say.
 *
 * @param title           report title
 * @param organization    organization (e.g. 川崎市 総務企画局)
 * @param date            report date
 * @param author          author
 * @param softwareVersion software name and version written on the sources sheet
 * @param attributions    data attributions (licenses) for the sources sheet
 * @param disclosureNotes disclosure-control notes for the sources sheet
 * @param fontName        the font of every cell, e.g. {@value ReportWriter#DEFAULT_FONT}
 * @since 0.1
 */
public record ReportInfo(String title, String organization, LocalDate date, String author, String softwareVersion,
                         List<String> attributions, List<String> disclosureNotes, String fontName) {

    public ReportInfo {
        title = title == null ? "" : title;
        organization = organization == null ? "" : organization;
        date = date == null ? LocalDate.now() : date;
        author = author == null ? "" : author;
        softwareVersion = softwareVersion == null ? "EBPM Workbench" : softwareVersion;
        attributions = List.copyOf(attributions == null ? List.of() : attributions);
        disclosureNotes = List.copyOf(disclosureNotes == null ? List.of() : disclosureNotes);
        fontName = fontName == null || fontName.isBlank() ? ReportWriter.DEFAULT_FONT : fontName;
    }

    /** A report with title, organization, date, author and software version; default font. */
    public static ReportInfo of(String title, String organization, LocalDate date, String author, String softwareVersion) {
        return new ReportInfo(title, organization, date, author, softwareVersion, List.of(), List.of(), null);
    }
}
