package dev.opengallery.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** What {@link StrictJson} refused, said per field for the problem document's {@code errors[]}. */
final class StrictJsonMessages {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '(.*)'");

    private StrictJsonMessages() {
    }

    /** The message for a field whose value Jackson refused. */
    static String of(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        Class<?> target = e instanceof MismatchedInputException mie ? mie.getTargetType() : null;
        if (target == null) {
            return "has the wrong type or format";
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (target.isPrimitive() && original.contains("null")) {
            return "must not be null";
        }
        return expected(target);
    }

    static String expected(Class<?> target) {
        if (target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class
                || target == short.class || target == Short.class || target == BigInteger.class) {
            return "must be a whole number (a JSON number without a fraction)";
        }
        if (target == BigDecimal.class || target == double.class || target == Double.class || target == float.class
                || target == Float.class) {
            return "must be a number (a JSON number, not a string)";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target == UUID.class) {
            return "must be an id (a UUID string)";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "must be an ISO 8601 date or time string";
        }
        if (target.isArray() || Collection.class.isAssignableFrom(target)) {
            return "must be an array";
        }
        return "has the wrong type or format";
    }

    /** The path of a key that appears twice in one object ("items[0].name"), or null if that is not the failure. */
    static String duplicateKey(JsonProcessingException e) {
        Matcher m = DUPLICATE.matcher(e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
            JsonStreamContext ctx = parser.getParsingContext();
            String parent = path(ctx.getParent() == null ? JsonPointer.empty() : ctx.getParent().pathAsPointer());
            return parent.isEmpty() ? name : parent + "." + name;
        }
        return name;
    }

    /** "/items/0/name" as "items[0].name". */
    static String path(JsonPointer pointer) {
        StringBuilder sb = new StringBuilder();
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            if (p.getMatchingIndex() >= 0) {
                sb.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(p.getMatchingProperty());
            }
        }
        return sb.toString();
    }
}
