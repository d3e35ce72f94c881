package dev.accord.workflows.activities;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.RunRef;
import dev.accord.workflows.AccordDataConverter;
import io.temporal.api.common.v1.Payload;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyRequestTest {

    private static final PageRef PAGE = new PageRef("crm-customers", new RunRef("sync/crm-customers", "run-1", "run-1"), 1);

    @Test
    void noKeysDeliverNothingUnlessTheRequestSaysDrain() {
        assertThat(new ApplyRequest(PAGE, "billing", List.of(), false).drains()).isFalse();
        assertThat(ApplyRequest.drain(PAGE, "billing", false).drains()).isTrue();
        assertThat(new ApplyRequest(PAGE, "billing", List.of("C1"), false).drains()).isFalse();
    }

    /** A workflow in flight when the worker was upgraded asked for a drain with empty keys and no drainPending field. */
    @Test
    void aRequestWrittenBeforeTheFieldExistedDrainsWhenItsKeysAreEmpty() {
        String old = "{\"page\":{\"flow\":\"crm-customers\",\"run\":{\"workflowId\":\"sync/crm-customers\",\"runId\":\"run-1\","
                + "\"executionRunId\":\"run-1\"},\"page\":0},\"target\":\"billing\",\"keys\":[],\"dryRun\":false}";
        Payload payload = Payload.newBuilder().putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
                .setData(ByteString.copyFromUtf8(old)).build();

        ApplyRequest request = AccordDataConverter.json().fromPayload(payload, ApplyRequest.class, ApplyRequest.class);

        assertThat(request.drainPending()).isNull();
        assertThat(request.drains()).isTrue();
    }
}
