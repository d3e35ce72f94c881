package dev.accord.core.contract;

import static dev.accord.core.TestContracts.exampleWith;
import static dev.accord.core.TestContracts.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.core.contract.HttpMapping.Concurrency;
import dev.accord.core.contract.HttpMapping.PagingStyle;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code http} and {@code file} settings of a domain mapping: defaults, every key read, and mistakes located. */
class HttpAndFileMappingTest {

    private static final String SUPPORT = """
              support:
                kind: postgres
                description: The support desk's contact list; may correct phone numbers.
                connection:
                  url-env: SUPPORT_JDBC_URL
                  user-env: SUPPORT_DB_USER
                  password-env: SUPPORT_DB_PASSWORD
                priority: 5
                domains:
                  customer:
                    table: support_contacts
                    cursor: changed_at
                    version-column: row_version
                    delete: hard
            """;

    private static String support(String replacement) {
        return exampleWith(SUPPORT.stripTrailing(), replacement.indent(2).stripTrailing());
    }

    @Test
    void anHttpMappingReadsEverySettingItIsGiven() {
        Contract contract = load(support("""
                support:
                  kind: http
                  connection: { base-url-env: SUPPORT_API_URL, token-env: SUPPORT_API_TOKEN }
                  priority: 5
                  domains:
                    customer:
                      endpoint: /api/contacts
                      cursor: changed_at
                      version-column: row_version
                      delete: soft
                      soft-delete-column: deleted_at
                      http:
                        records: data
                        since: updated_since
                        paging: { style: cursor, size-param: per_page, size: 50, next-cursor: meta.next }
                        by-keys: { param: ids, max: 20 }
                        etag-field: etag
                        create: post
                        concurrency: version-field
                """));

        HttpMapping http = contract.mapping("support", "customer").http();
        assertThat(http.records()).isEqualTo("data");
        assertThat(http.since()).isEqualTo("updated_since");
        assertThat(http.paging()).isEqualTo(new HttpMapping.Paging(PagingStyle.CURSOR, "per_page", 50, "page", "cursor", "meta.next"));
        assertThat(http.byKeys()).isEqualTo("ids");
        assertThat(http.keysPerRequest()).isEqualTo(20);
        assertThat(http.item()).isEqualTo("/api/contacts/{key}");
        assertThat(http.etagField()).isEqualTo("etag");
        assertThat(http.create()).isEqualTo(HttpMapping.Create.POST);
        assertThat(http.concurrency()).isEqualTo(Concurrency.VERSION_FIELD);
        assertThat(contract.system("support").connection().env()).containsEntry("base-url", "SUPPORT_API_URL");
    }

    @Test
    void anHttpMappingWithoutSettingsGetsTheDefaults() {
        Contract contract = load(support("""
                support:
                  kind: http
                  domains:
                    customer:
                      endpoint: /contacts/
                """));

        HttpMapping http = contract.mapping("support", "customer").http();
        assertThat(http.paging().style()).isEqualTo(PagingStyle.LINK);
        assertThat(http.item()).isEqualTo("/contacts/{key}");
        assertThat(http.byKeys()).isNull();
        assertThat(http.concurrency()).isEqualTo(Concurrency.ETAG);
        assertThat(contract.mapping("crm", "customer").http()).isNull();
    }

    @Test
    void mistakesInHttpSettingsAreReportedWithLineColumnPathAndHint() {
        String text = support("""
                support:
                  kind: http
                  domains:
                    customer:
                      endpoint: contacts
                      http:
                        pagin: { style: link }
                        paging: { style: cursr }
                        item: /contacts/all
                        concurrency: version-field
                """);

        assertThatThrownBy(() -> load(text)).isInstanceOf(ContractException.class).satisfies(e -> {
            String message = e.getMessage();
            assertThat(message).contains("systems.support.domains.customer.endpoint: endpoint 'contacts' must start with '/'");
            assertThat(message).contains("systems.support.domains.customer.http.pagin: unknown key 'pagin'", "hint: did you mean 'paging'?");
            assertThat(message).contains("systems.support.domains.customer.http.paging.style: unknown paging style 'cursr'",
                    "hint: did you mean 'cursor'?");
            assertThat(message).contains("http.item: item path '/contacts/all' must start with '/' and contain {key}");
            assertThat(message).contains("http.concurrency: concurrency 'version-field' needs a 'version-column'");
            assertThat(((ContractException) e).problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
        });
    }

    @Test
    void httpSettingsOnADatabaseSystemAreAnError() {
        String text = exampleWith("        table: support_contacts\n", "        table: support_contacts\n        http: { records: data }\n");

        assertThatThrownBy(() -> load(text)).hasMessageContaining("'http' settings only apply to systems of kind http");
    }

    @Test
    void aFileMappingReadsFormatEncodingDelimiterAndPattern() {
        Contract contract = load(support("""
                support:
                  kind: file
                  domains:
                    customer:
                      path: exports/contacts
                      file: { format: csv, encoding: ISO-8859-1, delimiter: ";", pattern: "contacts-*.csv" }
                """));

        FileMapping file = contract.mapping("support", "customer").file();
        assertThat(file).isEqualTo(new FileMapping(FileMapping.Format.CSV, StandardCharsets.ISO_8859_1, ';', "contacts-*.csv"));
    }

    @Test
    void mistakesInFileSettingsAreReported() {
        String text = support("""
                support:
                  kind: file
                  domains:
                    customer:
                      path: exports/contacts
                      file: { format: jsonl, encoding: klingon, delimiter: ";;", pattern: a/b.jsonl }
                """);

        assertThatThrownBy(() -> load(text)).isInstanceOf(ContractException.class).satisfies(e -> {
            String message = e.getMessage();
            assertThat(message).contains("file.encoding: unknown encoding 'klingon'");
            assertThat(message).contains("file.delimiter: 'delimiter' only applies to format csv");
            assertThat(message).contains("file.pattern: pattern 'a/b.jsonl' must match file names, not paths");
        });
        String withoutSettings = support("""
                support:
                  kind: file
                  domains:
                    customer:
                      path: exports/contacts.csv
                """);
        assertThat(load(withoutSettings).mapping("support", "customer").file())
                .as("without settings: the format by the path's extension, UTF-8, commas")
                .isEqualTo(new FileMapping(FileMapping.Format.CSV, StandardCharsets.UTF_8, ',', "*.csv"));
    }
}
