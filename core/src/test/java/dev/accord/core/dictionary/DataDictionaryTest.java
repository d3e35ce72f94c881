package dev.accord.core.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.core.TestContracts;
import dev.accord.core.contract.Contract;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the data dictionary says about the example contract's fields. */
class DataDictionaryTest {

    private static final Contract EXAMPLE = TestContracts.example();

    @Test
    void describesEveryFieldWithItsRulesAndReaders() {
        DictionaryDomain customer = DataDictionary.of(EXAMPLE).get(0);

        assertThat(customer.name()).isEqualTo("customer");
        assertThat(customer.fields()).extracting(DictionaryEntry::field).containsExactly("customer_id", "name", "email", "phone",
                "status", "signup_date", "plan", "payment_status", "credit_limit");
        DictionaryEntry plan = field(customer, "plan");
        assertThat(plan.owner()).isEqualTo("billing");
        assertThat(plan.merge()).isEqualTo("source-priority");
        assertThat(plan.writers()).containsExactly("billing", "crm");
        assertThat(plan.readBy()).containsExactly("crm", "billing", "support");
        assertThat(plan.constraints()).contains("enum [\"free\",\"pro\",\"enterprise\"]", "allowed free, pro, enterprise");
        DictionaryEntry email = field(customer, "email");
        assertThat(email.pii()).isTrue();
        assertThat(email.steward()).isEqualTo("sales-ops@example.com");
        assertThat(email.constraints()).contains("required", "format email", "maxLength 254");
        assertThat(field(customer, "credit_limit").unit()).isEqualTo("EUR");
        assertThat(field(customer, "phone").type()).isEqualTo("string or null");
        assertThat(field(customer, "phone").writers()).containsExactly("crm", "support");
        assertThat(field(customer, "signup_date").constraints()).contains("required from flag strict-signup-date");
        assertThat(customer.lifecycle()).contains("deleted by crm", "crm soft (deleted_at)", "billing hard");
    }

    @Test
    void markdownAndHtmlCarryTheSameFacts() {
        String markdown = MarkdownDictionary.render(EXAMPLE);
        String html = HtmlDictionary.render(EXAMPLE);

        assertThat(markdown).startsWith("# Data dictionary: customer-hub (contract version 3)")
                .contains("| `credit_limit` | Credit granted, in euros. | decimal | EUR |")
                .contains("| `email` | Primary contact e-mail. | string |");
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h2 id=\"customer\">customer</h2>")
                .contains("<td class=\"pii\">yes</td>").doesNotContain("<script");
        for (String field : List.of("customer_id", "payment_status", "finance@example.com", "review")) {
            assertThat(markdown).contains(field);
            assertThat(html).contains(field);
        }
    }

    private static DictionaryEntry field(DictionaryDomain domain, String name) {
        return domain.fields().stream().filter(f -> f.field().equals(name)).findFirst().orElseThrow();
    }
}
