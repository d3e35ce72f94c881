package dev.accord.core.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one load, so the user sees all of them at once. A node that is read twice (the
 * cross-checks read sections again) reports the same problem once.
 */
final class Problems {

    private final String file;
    private final List<ContractProblem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(int line, int column, String path, String message, String hint) {
        addProblem(new ContractProblem(file, line, column, path, message, hint));
    }

    void addProblem(ContractProblem problem) {
        if (!found.contains(problem)) {
            found.add(problem);
        }
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ContractException(found);
        }
    }
}
