package dev.accord.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on, kept with them. */
final class Machine {

    private Machine() {}

    static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / 1048576);
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return machine;
    }
}
