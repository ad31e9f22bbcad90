package org.communityadvisor.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A made-up fleet in the {@code events} format: per group, members who post, ask, reply (by id and in threads),
 * join (with or without a channel) and leave, official posts and ad flags in some groups, events right at the
 * 7- and 30-day boundaries and at the 24-hour answer limit, and events after the asOf days. Events of a group are
 * written in time order (as the importer expects); groups follow each other.
 */
final class FleetGenerator {
    static final String[] PLATFORMS = {"wechat", "discord", "telegram", "slack", "wecom"};
    static final String[] CHANNELS = {"qr", "invite", "link"};
    static final String[] OFFSETS = {"Z", "+08:00", "-05:00", "+01:00"};

    private final Random random;
    private final LocalDate lastDay;
    private final int spanDays;

    /** @param lastDay events run until this day (a few days after it, to test the asOf cut) */
    FleetGenerator(long seed, LocalDate lastDay, int spanDays) {
        this.random = new Random(seed);
        this.lastDay = lastDay;
        this.spanDays = spanDays;
    }

    record Ev(long epochSecond, String json) {
    }

    /** Writes {@code groups} groups of about {@code perGroup} events each; returns the number of event lines. */
    long write(Path events, Path groupsFile, int groups, int perGroup) throws IOException {
        long n = 0;
        try (BufferedWriter ev = Files.newBufferedWriter(events); BufferedWriter gr = Files.newBufferedWriter(groupsFile)) {
            for (int g = 0; g < groups; g++) {
                String gid = "g" + g;
                int total = 20 + random.nextInt(400);
                StringBuilder facts = new StringBuilder("{\"groupId\":\"").append(gid).append("\",\"platform\":\"")
                        .append(PLATFORMS[g % PLATFORMS.length]).append('"');
                if (g % 3 != 0) {
                    facts.append(",\"createdOn\":\"").append(lastDay.minusDays(spanDays + 10)).append('"');
                }
                facts.append(",\"members\":{\"total\":").append(total).append('}');
                if (g % 4 == 1) {
                    facts.append(",\"entry\":{\"barrier\":\"none\"},\"operations\":{\"rules\":true,\"announcement\":false}");
                }
                if (g % 7 == 2) {
                    facts.append(",\"name\":\"Group ").append(g).append('"');
                }
                facts.append('}');
                gr.write(facts.toString());
                gr.newLine();
                List<Ev> list = group(gid, g, total, perGroup);
                list.sort((a, b) -> Long.compare(a.epochSecond, b.epochSecond));
                for (Ev e : list) {
                    ev.write(e.json);
                    ev.newLine();
                }
                n += list.size();
            }
        }
        return n;
    }

    private List<Ev> group(String gid, int g, int total, int perGroup) {
        List<Ev> out = new ArrayList<>();
        int senders = Math.max(3, Math.min(total, 5 + random.nextInt(60)));
        boolean officials = g % 2 == 0;
        boolean ads = g % 3 == 1;
        int span = g % 5 == 4 ? 20 + random.nextInt(20) : spanDays; // some young groups
        long end = lastDay.plusDays(3).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        long start = end - span * 86_400L;
        List<String> recentIds = new ArrayList<>();
        for (int i = 0; i < perGroup; i++) {
            long t = start + (long) (random.nextDouble() * (end - start));
            t = avoidFallBack(t);
            int r = random.nextInt(100);
            String sender = "u" + random.nextInt(senders);
            String id = gid + "-m" + i;
            if (r < 6) {
                String ch = random.nextInt(3) == 0 ? null : CHANNELS[random.nextInt(CHANNELS.length)];
                out.add(new Ev(t, line(gid, t, "u" + (senders + random.nextInt(50)), "join", null, null, null, null,
                        null, ch, null)));
            } else if (r < 9) {
                out.add(new Ev(t, line(gid, t, "u" + random.nextInt(senders + 50), "leave", null, null, null, null,
                        null, null, null)));
            } else if (r < 10) {
                out.add(new Ev(t, line(gid, t, sender, "pin", id, null, null, null, null, null, null)));
            } else {
                String thread = random.nextInt(4) == 0 ? "t" + random.nextInt(3) : null;
                String kind = "message";
                String text = "hello " + i;
                String replyTo = null;
                if (r < 22) {
                    if (random.nextBoolean()) {
                        kind = "question";
                    } else {
                        text = "anyone know " + i + (random.nextBoolean() ? "?" : " ？ ");
                    }
                } else if (r < 35 && !recentIds.isEmpty()) {
                    kind = random.nextBoolean() ? "reply" : "message";
                    replyTo = recentIds.get(recentIds.size() - 1 - random.nextInt(Math.min(5, recentIds.size())));
                }
                Boolean official = officials && random.nextInt(10) == 0 ? Boolean.TRUE
                        : officials && random.nextInt(10) == 0 ? Boolean.FALSE : null;
                Boolean ad = ads ? Boolean.valueOf(random.nextInt(8) == 0) : null;
                out.add(new Ev(t, line(gid, t, sender, kind, id, replyTo, thread, official, ad, null, text)));
                recentIds.add(id);
                if (recentIds.size() > 50) {
                    recentIds.remove(0);
                }
                // an answer right at the limits: exactly 24 hours later, or 1 second after
                if (kind.equals("question") && random.nextInt(6) == 0) {
                    long dt = random.nextBoolean() ? 86_400L : 86_401L;
                    String other = "u" + ((Integer.parseInt(sender.substring(1)) + 1) % senders);
                    out.add(new Ev(avoidFallBack(t + dt), line(gid, avoidFallBack(t + dt), other, random.nextBoolean()
                            ? "reply" : "message", id + "a", random.nextBoolean() ? id : null, thread, null, null,
                            null, "answer")));
                }
            }
        }
        // the boundaries: the last second and first second of the 7- and 30-day windows of the last days
        for (int back : new int[] {0, 1, 6, 7, 8, 13, 14, 29, 30, 31}) {
            LocalDate d = lastDay.minusDays(back);
            long s = d.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            String who = "u" + random.nextInt(senders);
            out.add(new Ev(s, line(gid, s, who, "question", gid + "-b" + back, null, null, null, null, null, null)));
            out.add(new Ev(s + 86_399, line(gid, s + 86_399, "u" + random.nextInt(senders), "message",
                    gid + "-c" + back, null, null, null, null, null, "end of day")));
            out.add(new Ev(s + 86_400, line(gid, s + 86_400, who + "x", "join", null, null, null, null, null, "qr",
                    null)));
        }
        return out;
    }

    /** Europe/Berlin falls back on 2026-10-25 01:00 UTC: no event in the hour whose local times repeat. */
    private static long avoidFallBack(long t) {
        long from = Instant.parse("2026-10-25T00:00:00Z").getEpochSecond();
        return t >= from - 60 && t < from + 3_660 ? from + 3_660 : t;
    }

    private final StringBuilder sb = new StringBuilder();

    private String line(String gid, long t, String sender, String kind, String id, String replyTo, String thread,
            Boolean official, Boolean ad, String channel, String text) {
        sb.setLength(0);
        String offset = OFFSETS[random.nextInt(OFFSETS.length)];
        String ts = Instant.ofEpochSecond(t).atOffset(offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset))
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        sb.append("{\"groupId\":\"").append(gid).append("\",\"ts\":\"").append(ts).append("\",\"senderId\":\"")
                .append(sender).append("\",\"kind\":\"").append(kind).append('"');
        field("id", id);
        field("replyTo", replyTo);
        field("thread", thread);
        if (official != null) {
            sb.append(",\"isOfficial\":").append(official);
        }
        if (ad != null) {
            sb.append(",\"isAd\":").append(ad);
        }
        field("channel", channel);
        field("text", text);
        return sb.append('}').toString();
    }

    private void field(String name, String value) {
        if (value != null) {
            sb.append(",\"").append(name).append("\":\"").append(value.replace("\"", "\\\"")).append('"');
        }
    }
}
