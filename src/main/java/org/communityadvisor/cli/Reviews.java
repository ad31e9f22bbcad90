package org.communityadvisor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.communityadvisor.AdviceJson;
import org.communityadvisor.Advice;
import org.communityadvisor.Advisor;
import org.communityadvisor.InvalidSnapshotException;
import org.communityadvisor.Lang;
import org.communityadvisor.Review;
import org.communityadvisor.ValidationError;
import org.communityadvisor.json.Json;

/** What {@code advise --since} and {@code review} share: the earlier advice, and the advice JSON with its review. */
final class Reviews {
    private Reviews() {
    }

    /**
     * The earlier advice as a JSON tree: the file read as a saved advice JSON when it is one (an object with
     * {@code communityId}, {@code asOf} and {@code recommendations}), else as a snapshot or scenario file advised
     * now. {@code null} after reporting on {@code err} why it cannot be read.
     */
    static JsonNode base(java.nio.file.Path file, Advisor advisor, Lang lang, PrintWriter err) {
        List<Inputs.Document> docs = new ArrayList<>();
        new Inputs(List.of(file.toString()), System.in).forEach(docs::add);
        if (docs.size() != 1) {
            err.println(file + ": " + org.communityadvisor.text.Texts.of(lang).get("advise.since-one"));
            return null;
        }
        Inputs.Document doc = docs.get(0);
        if (doc.unreadable() != null) {
            err.println(doc.label() + ": " + doc.unreadable());
            return null;
        }
        try {
            JsonNode root = null;
            try {
                root = Json.MAPPER.readTree(Json.withoutBom(doc.text()));
            } catch (java.io.IOException e) {
                // not JSON: the snapshot reader below names where and why
            }
            if (root != null && root.isObject() && root.path("communityId").isTextual()
                    && root.path("recommendations").isArray() && root.path("asOf").isTextual()) {
                try {
                    java.time.LocalDate.parse(root.path("asOf").asText());
                } catch (java.time.format.DateTimeParseException e) {
                    err.println(doc.label() + ": asOf: " + org.communityadvisor.Message.NOT_A_DATE.render(lang,
                            root.path("asOf").asText()));
                    return null;
                }
                return root;
            }
            Advice advice = advisor.advise(AdviceJson.readInput(doc.text()), lang);
            return Json.MAPPER.valueToTree(advice);
        } catch (InvalidSnapshotException e) {
            for (ValidationError v : e.errors()) {
                err.println(doc.label() + ": " + (v.path().equals("(file)") ? "" : v.path() + ": ") + v.reason(lang));
            }
            return null;
        }
    }

    /** The advice's JSON with its {@code review} right after {@code asOf}, so it reads first. */
    static ObjectNode tree(Advice advice, Review review) {
        ObjectNode plain = Json.MAPPER.valueToTree(advice);
        ObjectNode out = Json.MAPPER.createObjectNode();
        plain.fields().forEachRemaining(f -> {
            out.set(f.getKey(), f.getValue());
            if (f.getKey().equals("asOf")) {
                out.set("review", Json.MAPPER.valueToTree(review));
            }
        });
        return out;
    }
}
