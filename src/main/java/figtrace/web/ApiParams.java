package figtrace.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import figtrace.review.FigureFilter;
import figtrace.review.ReviewStatus;

import java.io.IOException;
import java.util.Map;

/**
 * Reading a request of the review API: query parameters and JSON bodies, each missing or malformed one answered as a
 * bad request naming it.
 */
final class ApiParams {
    private ApiParams() {}

    /** A JSON request body, checked as the single-decision endpoint checks it. */
    static JsonNode body(HttpExchange exchange, byte[] bytes) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new Http.BadRequest("send the request as application/json");
        }
        try {
            if (bytes.length > ReviewApi.MAX_BODY) throw new Http.BadRequest("request larger than " + ReviewApi.MAX_BODY + " bytes");
            return Http.JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Http.BadRequest("the request is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Http.BadRequest("the request cannot be read: " + e.getMessage());
        }
    }

    static FigureFilter filter(Map<String, String> q) {
        String status = q.get("status");
        return new FigureFilter(q.get("doc"), q.get("region"), q.get("subject"), q.get("time"), q.get("kind"),
                q.get("indicator"), status == null || status.isEmpty() ? null : ReviewStatus.fromCode(status),
                q.get("q"), q.get("table"), optionalInteger(q, "column"), optionalInteger(q, "row"));
    }

    static String required(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null || value.isEmpty()) throw new Http.BadRequest("the decision needs '" + field + "'");
        return value;
    }

    static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    static String requiredParam(Map<String, String> q, String name) {
        String value = q.get(name);
        if (value == null || value.isEmpty()) throw new Http.BadRequest("missing parameter '" + name + "'");
        return value;
    }

    /** The 0-based page the request asks for (default 0); a negative one is a bad request. */
    static int page(Map<String, String> q) {
        int page = integer(q, "page", 0);
        if (page < 0) throw new Http.BadRequest("page must not be negative");
        return page;
    }

    static Integer optionalInteger(Map<String, String> q, String name) {
        String value = q.get(name);
        return value == null || value.isEmpty() ? null : integer(q, name, 0);
    }

    static int integer(Map<String, String> q, String name, int fallback) {
        String value = q.get(name);
        if (value == null || value.isEmpty()) return fallback;
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new Http.BadRequest("parameter '" + name + "' must be a whole number, not '" + value + "'");
        }
    }
}
