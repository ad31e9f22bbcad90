package org.communityadvisor.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.communityadvisor.Lang;

/**
 * The seed documents by a short title read from each document's first lines ({@code 《社交营销如何运行》}), as client
 * reports name them instead of their file name: the table {@code seed-titles.tsv} beside this class.
 */
final class SeedTitles {
    static final String RESOURCE = "seed-titles.tsv";

    /** One seed: its file, the words of its opening lines its title comes from, its title in each language. */
    record Seed(String file, String opening, String zh, String en) {
        String title(Lang lang) {
            return lang == Lang.ZH ? zh : en;
        }
    }

    private static final Map<String, Seed> BY_FILE = load();

    private SeedTitles() {
    }

    /** Every seed in the table, by file name. */
    static Map<String, Seed> all() {
        return BY_FILE;
    }

    /** A seed's short title in the reader's language; a document not in the table by its own name. */
    static String title(String file, Lang lang) {
        Seed seed = file == null ? null : BY_FILE.get(file);
        return seed == null ? file : seed.title(lang);
    }

    private static Map<String, Seed> load() {
        Map<String, Seed> out = new LinkedHashMap<>();
        try (InputStream in = SeedTitles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the seed titles " + RESOURCE + " are missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 4) {
                    throw new IllegalStateException(RESOURCE + ": not four columns: " + line);
                }
                out.put(f[0], new Seed(f[0], f[1], f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }
}
