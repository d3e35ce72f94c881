package dev.accord.cli.ops;

import dev.accord.cli.StoreConnection;
import dev.accord.cli.TemporalConnection;
import dev.accord.store.AccordStore;
import dev.accord.store.ReviewQueue;
import dev.accord.workflows.WorkflowIds;
import dev.accord.workflows.review.ReviewWorkflow;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accord review list|approve|reject|edit}: field changes parked for a human, decided by signal. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Field changes parked for a human decision (merge strategy review).",
            "Each waits in its own workflow review/<domain>/<key>/<field>; undecided ones are rejected at their deadline."},
        subcommands = {ReviewCommand.ListReviews.class, ReviewCommand.Approve.class, ReviewCommand.Reject.class, ReviewCommand.Edit.class})
public final class ReviewCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Pending reviews (or --all), oldest first.")
    static final class ListReviews implements Callable<Integer> {
        @Mixin
        StoreConnection store;

        @Option(names = "--all", description = "Decided ones too.")
        boolean all;

        @Override
        public Integer call() {
            AccordStore accord = store.open();
            List<ReviewQueue.Review> reviews = accord.inTransaction(c -> accord.reviews().list(c, all ? null : ReviewQueue.PENDING, 500));
            if (reviews.isEmpty()) {
                System.out.println(all ? "no reviews" : "no pending reviews");
            }
            for (ReviewQueue.Review r : reviews) {
                System.out.printf("%-36s %-10s %s -> %s  (deadline %s, then %s)%n    why: %s%s%n", r.id(), r.status(), r.currentJson(),
                        r.proposedJson(), r.deadline(), r.defaultAction(), r.reason(),
                        r.decidedBy() == null ? "" : "  decided by " + r.decidedBy() + (r.note() == null ? "" : ": " + r.note()));
            }
            return 0;
        }
    }

    /** Signals a decision to the review's workflow. */
    abstract static class Decide implements Callable<Integer> {
        @Mixin
        TemporalConnection temporal;

        @Parameters(index = "0", paramLabel = "REVIEW", description = "<domain>/<key>/<field>, as review list shows it.")
        String reviewId;

        @Option(names = "--by", defaultValue = "${sys:user.name}", description = "Who decides (default: your user name).")
        String by;

        @Option(names = "--note", description = "Why.")
        String note;

        ReviewWorkflow review() {
            return temporal.client().newWorkflowStub(ReviewWorkflow.class, temporal.workflowId(WorkflowIds.review(reviewId)));
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "The proposed value becomes golden and is delivered.")
    static final class Approve extends Decide {
        @Override
        public Integer call() {
            review().approve(by, note);
            System.out.println("approved review/" + reviewId);
            return 0;
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true,
            description = "The golden value stays and is written back to the system that proposed the change.")
    static final class Reject extends Decide {
        @Override
        public Integer call() {
            review().reject(by, note);
            System.out.println("rejected review/" + reviewId);
            return 0;
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Apply your own value instead (canonical, as JSON).")
    static final class Edit extends Decide {
        @Option(names = "--value", required = true, paramLabel = "JSON", description = "The value, as JSON: '\"+49 40 555\"' or 1200.50.")
        String value;

        @Override
        public Integer call() {
            // The CLI does not know which fields are PII: the value always travels sealed (this needs the payload key).
            review().edit(by, TemporalConnection.payloadProtection().sealed(value), note);
            System.out.println("edited review/" + reviewId + " to " + value);
            return 0;
        }
    }
}
