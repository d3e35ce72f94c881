package dev.accord.core.contract;

import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;
import java.util.List;
import java.util.stream.Collectors;

/** A contract could not be loaded; carries every problem found, each with file, line, column and key path. */
public final class ContractException extends RuntimeException implements ClassifiedFailure {
    @Override
    public FailureKind kind() {
        return FailureKind.CONFIGURATION;
    }

    @Override
    public String reasonCode() {
        return "CONTRACT_INVALID";
    }


    private final transient List<ContractProblem> problems;

    public ContractException(List<ContractProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ContractProblem> problems() {
        return problems;
    }

    private static String describe(List<ContractProblem> problems) {
        String header = problems.size() == 1 ? "contract has 1 problem:" : "contract has " + problems.size() + " problems:";
        return header + System.lineSeparator() + problems.stream()
                .map(ContractProblem::render)
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
