package dev.accord.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sums compare their members pairwise, which multiplies with nesting: one diff has a budget, and past it says UNDECIDABLE. */
class ComparisonBudgetTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void deeplyNestedSumsEndInTimeAndAreNeverCalledCompatibleBlindly() {
        JsonNode before = nested(5, 6, 0);
        JsonNode after = nested(5, 6, 1);

        long start = System.nanoTime();
        List<SchemaChange> changes = SchemaDiff.between(before, after);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(20));
        if (changes.stream().anyMatch(c -> c.rule() == ChangeRule.UNDECIDABLE)) {
            assertThat(SchemaDiff.backwardCompatible(before, after)).isFalse();
            assertThat(SchemaDiff.forwardCompatible(before, after)).isFalse();
        }
    }

    /** anyOf of {@code width} members, each an anyOf of its own, {@code depth} levels down; leaves differ by {@code shift}. */
    private static JsonNode nested(int depth, int width, int shift) {
        if (depth == 0) {
            return F.objectNode().put("type", "string").put("maxLength", 10 + shift);
        }
        ObjectNode node = F.objectNode();
        ArrayNode members = node.putArray("anyOf");
        for (int i = 0; i < width; i++) {
            ObjectNode member = (ObjectNode) nested(depth - 1, width, shift);
            member.put("title", "m" + depth + i);
            members.add(member);
        }
        return node;
    }
}
