package dev.accord.bench;

import dev.accord.bench.Results.Cpu;

/** CPU of the workers, of the Temporal server and of the whole machine from its creation on. */
final class CpuWatch {

    private final WorkerProcesses deployment;
    private final double workers;
    private final double temporal;
    private final CpuTimes machine = CpuTimes.now();

    CpuWatch(WorkerProcesses deployment) {
        this.deployment = deployment;
        this.workers = deployment.workerCpuSeconds();
        this.temporal = deployment.temporalCpuSeconds();
    }

    /** What was used in the {@code seconds} since; the machine's busy core-seconds less the two are the others'. */
    Cpu since(double seconds) {
        CpuTimes now = CpuTimes.now();
        double machineShare = now == null ? Double.NaN : now.busyShareSince(machine);
        double workersUsed = deployment.workerCpuSeconds() - workers;
        double temporalUsed = deployment.temporalCpuSeconds() - temporal;
        double others = machineShare * Runtime.getRuntime().availableProcessors() * seconds - workersUsed - temporalUsed;
        return new Cpu(round(workersUsed), round(temporalUsed), round(others), round(machineShare));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
