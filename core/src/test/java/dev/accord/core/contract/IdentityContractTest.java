package dev.accord.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Systems' own keys and a domain's match rules: read as written, and every mistake located at its line. */
class IdentityContractTest {

    private static final Path CONTRACT = Path.of("..", "engine", "src", "test", "resources", "identity", "identity.contract.yaml")
            .toAbsolutePath().normalize();

    private static String text() {
        try {
            return Files.readString(CONTRACT).replace("@KIND@", "h2");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Contract load(String text) {
        return new ContractLoader().load(text, "identity.contract.yaml", CONTRACT.getParent());
    }

    private static String replace(String from, String to) {
        String text = text();
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    @Test
    void ownKeysAndMatchRulesAreReadAsWritten() {
        Contract contract = load(text());

        assertThat(contract.mapping("crm", "person").localKey()).isEqualTo(new LocalKey("id", true, "accord_id", false));
        assertThat(contract.mapping("billing", "person").localKey()).isEqualTo(new LocalKey("account_ref", false, null, false));
        assertThat(contract.mapping("billing", "person").keyColumn("person_id")).isEqualTo("account_ref");
        assertThat(contract.domain("person").identity().match()).containsExactly(
                new MatchRule("email", java.util.List.of("email")), new MatchRule("tax-id", java.util.List.of("tax_id", "country")));
        assertThat(contract.domain("person").identity().onAmbiguous()).isEqualTo(Identity.OnAmbiguous.QUARANTINE);
    }

    @Test
    void aMatchRuleOverAnUnknownFieldIsAnErrorAtItsLine() {
        String text = replace("fields: [email]", "fields: [emial]");

        assertThatThrownBy(() -> load(text)).isInstanceOf(ContractException.class).satisfies(e -> assertThat(e.getMessage())
                .containsPattern("identity\\.contract\\.yaml:\\d+:\\d+: domains\\.person\\.identity\\.match\\[0\\]\\.fields: match rule names unknown field 'emial'")
                .contains("did you mean 'email'?"));
    }

    @Test
    void twoSystemsClaimingTheIdAuthorityIsAnError() {
        String text = replace("key: { column: contact_id }", "key: { column: contact_id, authority: true }")
                .replace("key: { column: id, assigned: true, external-id: accord_id }",
                        "key: { column: id, assigned: true, external-id: accord_id, authority: true }");

        assertThatThrownBy(() -> load(text)).isInstanceOf(ContractException.class).satisfies(e -> assertThat(e.getMessage())
                .contains("systems.support.domains.person.key: systems 'crm' and 'support' both claim to be the id authority of domain 'person'"));
    }

    @Test
    void aDatabaseThatAssignsIdsNeedsAnExternalIdColumn() {
        String text = replace("key: { column: id, assigned: true, external-id: accord_id }", "key: { column: id, assigned: true }");

        assertThatThrownBy(() -> load(text)).isInstanceOf(ContractException.class).satisfies(e -> assertThat(e.getMessage())
                .contains("systems.crm.domains.person.key.assigned: a database that assigns its own ids needs an 'external-id' column"));
    }

    @Test
    void aMappingWithoutItsOwnKeyMustMapTheDomainsKeyField() {
        String text = replace("        key: account_ref                                               # Accord gives new rows their canonical id\n", "");

        assertThatThrownBy(() -> load(text)).isInstanceOf(ContractException.class).satisfies(e -> assertThat(e.getMessage())
                .contains("systems.billing.domains.person.fields: the domain's key field 'person_id' is not mapped"));
    }
}
