package org.communityadvisor.importer;

/**
 * One day of a platform's own statistics (Slack analytics, WeCom's statistics by day); {@code null} = not given.
 *
 * @param members       members at the end of the day
 * @param messages      messages posted that day in the group's conversation
 * @param activeWeek    distinct members posting in the 7 days ending that day (Slack's "weekly members posting")
 * @param joins         members who joined that day
 * @param leaves        members who left that day
 */
public record DayFigures(Integer members, Integer messages, Integer activeWeek, Integer joins, Integer leaves) {
}
