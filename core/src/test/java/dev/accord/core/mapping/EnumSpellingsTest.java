package dev.accord.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.accord.core.TestContracts;
import dev.accord.core.contract.Contract;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Value maps with several local spellings: which one is read, and which one is written back. */
class EnumSpellingsTest {

    @Test
    void exactSpellingWinsOverACaseInsensitiveMatch() {
        Contract contract = TestContracts.load(TestContracts.exampleWith("values: { A: active, S: suspended, C: closed }",
                "values: { A: active, a: suspended, S: suspended, C: closed }"));
        RecordMapper crm = new RecordMapper(contract, "crm", "customer");

        assertThat(status(crm, "A")).isEqualTo("active");
        assertThat(status(crm, "a")).isEqualTo("suspended");
        assertThat(status(crm, "s")).isEqualTo("suspended");
    }

    /**
     * The value map keeps contract order, so every worker writes the same spelling back. (With a
     * hash-ordered map this differed from one JVM to the next: ENT, ent or Enterprise.)
     */
    @Test
    void egressWritesTheFirstDeclaredSpellingOfAnAlias() {
        Contract contract = TestContracts.load(TestContracts.exampleWith("values: { FREE: free, PRO: pro, ENT: enterprise }",
                "values: { FREE: free, PRO: pro, ENT: enterprise, Enterprise: enterprise, ent: enterprise }"));
        RecordMapper billing = new RecordMapper(contract, "billing", "customer");

        assertThat(billing.toLocal("C000001", Map.of("plan", TextNode.valueOf("enterprise")))).containsEntry("plan_code", "ENT");
    }

    private static String status(RecordMapper crm, String code) {
        return crm.toCanonical(Map.of("id", "C000001", "status_code", code)).fields().get("status").asText();
    }
}
