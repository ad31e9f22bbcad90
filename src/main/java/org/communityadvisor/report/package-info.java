/**
 * Reports on advised communities, for an application to show or hand out: {@link
 * org.communityadvisor.report.TextReport} (the terminal text), {@link org.communityadvisor.report.MarkdownReport},
 * {@link org.communityadvisor.report.HtmlReport} (one self-contained page) and the {@link
 * org.communityadvisor.report.Portfolio} ranking, each from a list of {@link
 * org.communityadvisor.report.AdvisedCommunity} in either language. Only the HTML report needs the (optional)
 * template engine Pebble.
 *
 * <pre>{@code
 * List<AdvisedCommunity> communities = AdvisedCommunity.ofAll(List.of(advisor.advise(json)));
 * String md = MarkdownReport.render(communities, Lang.ZH);
 * }</pre>
 */
package org.communityadvisor.report;
