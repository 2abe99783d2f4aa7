package dev.prdarts.search;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Turns Jackson's parse failures into the short text of the project's one-line messages. */
public final class JsonErrors {

    private JsonErrors() {}

    /**
     * Returns {@code "not valid JSON (line L, column C): reason"}, without Jackson's description of
     * the source; the location is left out when Jackson gives none.
     */
    public static String notValidJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where =
                at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return "not valid JSON" + where + ": " + e.getOriginalMessage();
    }
}
