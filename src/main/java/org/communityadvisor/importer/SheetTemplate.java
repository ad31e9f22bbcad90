package org.communityadvisor.importer;

import java.io.OutputStream;
import java.io.Writer;
import org.communityadvisor.ImportException;
import org.communityadvisor.Lang;

/** Placeholder while the sheet template is written. */
public final class SheetTemplate {
    private SheetTemplate() {
    }

    public static void csv(Lang lang, Writer out) {
        throw new ImportException("", "", "the sheet template is not written yet");
    }

    public static void xlsx(Lang lang, OutputStream out) {
        throw new ImportException("", "", "the sheet template is not written yet");
    }
}
