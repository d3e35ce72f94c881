package dev.accord.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.core.failure.FailureKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A page with rows must move the position on; otherwise the flow would read it forever. */
class PageProgressTest {

    private static final SourceRow ROW = new SourceRow("42", 1, Instant.EPOCH, false, Map.of("id", 42L));
    private static final SourceCursor AT = new SourceCursor("2024-03-01T12:00", null);

    @Test
    void aPageWithRowsThatStaysWhereItWasReadIsRefusedWithThePosition() {
        SourcePage stalled = new SourcePage(List.of(ROW, ROW), AT, true);

        assertThatThrownBy(() -> PageProgress.checked("crm", "customer", AT, stalled))
                .isInstanceOfSatisfying(StalledCursorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CONFIGURATION);
                    assertThat(e.reasonCode()).isEqualTo("SOURCE_CURSOR_STALLED");
                    assertThat(e.getMessage()).contains("system 'crm', domain 'customer' returned 2 rows after position"
                            + " 2024-03-01T12:00 / null", "bug of the connector");
                });
        assertThatThrownBy(() -> PageProgress.checked("crm", "customer", null,
                new SourcePage(List.of(ROW), SourceCursor.BEGINNING, false))).hasMessageContaining("after the beginning");
    }

    @Test
    void anEmptyPageMayStayAndAPageThatMovesOnPasses() {
        SourcePage empty = new SourcePage(List.of(), AT, false);
        SourcePage moved = new SourcePage(List.of(ROW), new SourceCursor("2024-03-01T12:00", "42"), false);

        assertThat(PageProgress.checked("crm", "customer", AT, empty)).isSameAs(empty);
        assertThat(PageProgress.checked("crm", "customer", AT, moved)).isSameAs(moved);
    }

    @Test
    void aKeyRangePageMustMoveItsKeyOn() {
        SourcePage stalled = new SourcePage(List.of(ROW), new SourceCursor(null, "41"), true);

        assertThatThrownBy(() -> PageProgress.checkedRange("crm", "customer", "41", stalled))
                .isInstanceOf(StalledCursorException.class).hasMessageContaining("after key 41");
        assertThat(PageProgress.checkedRange("crm", "customer", "40", stalled)).isSameAs(stalled);
    }
}
