package org.communityadvisor.importer;

import java.util.Arrays;
import java.util.Optional;
import org.communityadvisor.Labelled;

/** Looking up the snapshot's enum values by their JSON name. */
final class Enums {
    private Enums() {
    }

    static <E extends Enum<E> & Labelled> Optional<E> byJson(Class<E> type, String json) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.json().equals(json)).findFirst();
    }

    static <E extends Enum<E> & Labelled> String names(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Labelled::json).toList());
    }
}
