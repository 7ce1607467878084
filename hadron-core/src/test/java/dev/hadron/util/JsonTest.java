package dev.hadron.util;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {
    @Test
    void parsesAllValueKinds() {
        Map<String, Object> m = Json.parseObject(" {\"a\": [1, -2.5e3, true, null, \"x\\n\\u00e9\"], \"b\": {}} ");
        assertEquals(List.of(1L, -2500.0, true), ((List<?>) m.get("a")).subList(0, 3));
        assertEquals(null, ((List<?>) m.get("a")).get(3));
        assertEquals("x\né", ((List<?>) m.get("a")).get(4));
        assertEquals(Map.of(), m.get("b"));
    }

    @Test
    void roundTripsThroughWriteAndPrettyWrite() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "tree \"1\"");
        m.put("values", List.of(1L, 2.5, -3.0));
        m.put("nested", Map.of("k", List.of(Map.of("z", false))));
        assertEquals(m, Json.parse(Json.write(m)));
        assertEquals(m, Json.parse(Json.writePretty(m)));
        assertTrue(Json.writePretty(m).contains("\n  \"values\": [1, 2.5, -3.0]"), Json.writePretty(m));
    }

    @Test
    void rejectsMalformedInputWithAPosition() {
        for (String bad : new String[] {"{", "[1,]", "{\"a\" 1}", "tru", "\"abc", "{\"a\":1,\"a\":2}", "1 2", "[01x]"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
            assertTrue(e.getMessage().contains("position"), e.getMessage());
        }
        String deep = "[".repeat(10000);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Json.parse(deep)).getMessage().contains("nesting"));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
    }
}
