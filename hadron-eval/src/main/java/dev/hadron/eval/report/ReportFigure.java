package dev.hadron.eval.report;

import dev.hadron.eval.plot.Figure;

/**
 * One figure of a report, with its anchor id, the section it belongs to and its caption.
 *
 * @param id a unique anchor id within the report (also the file name stem when figures are exported)
 * @param section the section heading it is shown under
 * @param caption what the figure shows
 * @param figure the figure
 */
public record ReportFigure(String id, String section, String caption, Figure figure) {
}
