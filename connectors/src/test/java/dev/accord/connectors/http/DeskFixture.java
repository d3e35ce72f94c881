package dev.accord.connectors.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.Throttle;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import dev.accord.demodesk.SupportDesk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** A running support desk on a local port and the test contract's http connectors pointed at it. */
final class DeskFixture implements AutoCloseable {

    static final String CURSOR_PAGING = "{ style: cursor, size: 25, next-cursor: meta.next_cursor }";
    static final String PAGE_PAGING = "{ style: page, size: 25 }";
    static final String LINK_PAGING = "{ style: link, size: 25 }";
    static final ObjectMapper JSON = new ObjectMapper();

    final SupportDesk desk = new SupportDesk("s3cret").start();
    final Contract contract;
    final HttpConnectors connectors;
    private final Map<String, String> environment;

    DeskFixture() {
        this(CURSOR_PAGING, "etag", "soft", "s3cret");
    }

    DeskFixture(String paging, String concurrency, String delete, String token) {
        this.contract = contract(paging, concurrency, delete);
        this.environment = Map.of("DESK_URL", desk.baseUrl(), "DESK_TOKEN", token);
        this.connectors = new HttpConnectors(contract, environment::get, system -> Throttle.NONE);
    }

    SourceConnector source() {
        return connectors.source("desk", "contact");
    }

    TargetConnector target() {
        return connectors.target("desk", "contact");
    }

    /** Connectors of their own, with nothing cached: what a worker started after a crash has. */
    HttpConnectors freshConnectors() {
        return new HttpConnectors(contract, environment::get, system -> Throttle.NONE);
    }

    /** Seeds contacts C001… with names and phones, changed at {@code at} plus {@code i / sameTime} seconds. */
    void seed(int count, Instant at, int sameTime) {
        for (int i = 1; i <= count; i++) {
            desk.contacts().seed(contact(key(i), "Contact " + i, "+49 30 " + i), at.plusSeconds(i / sameTime));
        }
    }

    static String key(int i) {
        return String.format("C%03d", i);
    }

    static ObjectNode contact(String id, String name, String phone) {
        ObjectNode contact = JSON.createObjectNode();
        contact.put("id", id).put("name", name).put("phone", phone);
        return contact;
    }

    static Contract contract(String paging, String concurrency, String delete) {
        try {
            Path file = Path.of(DeskFixture.class.getResource("/http/contacts.contract.yaml").toURI());
            String text = Files.readString(file).replace("{paging}", paging).replace("{concurrency}", concurrency)
                    .replace("{delete}", delete);
            return new ContractLoader().load(text, "contacts.contract.yaml", file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        desk.close();
    }
}
