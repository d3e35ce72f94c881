package dev.accord.core.contract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * A SnakeYAML parser that remembers where it is, so that errors SnakeYAML raises without a position can be
 * located: the last event produced and the key path of the collections open around it. It also refuses an
 * alias to a collection that is still open ({@code a: &x [*x]}): SnakeYAML composes that into a cycle, which
 * none of its limits catches and every reader would follow forever.
 */
final class TrackingParser implements Parser {

    /** An open mapping or list: its anchor number, and where in it the parser is. */
    private static final class Frame {
        final int id;
        final CollectionStartEvent start;
        boolean atKey = true;
        String key;
        int index;

        Frame(int id, CollectionStartEvent start) {
            this.id = id;
            this.start = start;
        }
    }

    private final Parser parser;
    private final Deque<Frame> open = new ArrayDeque<>();
    private final Map<String, Integer> anchors = new HashMap<>();
    private int definitions;
    private Event last;
    private String aliasPath;

    TrackingParser(Parser parser) {
        this.parser = parser;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        boolean result = parser.checkEvent(choice);
        remember(parser.peekEvent());
        return result;
    }

    @Override
    public Event peekEvent() {
        return remember(parser.peekEvent());
    }

    @Override
    public Event getEvent() {
        Event event = remember(parser.getEvent());
        if (event instanceof AliasEvent alias) {
            aliasPath = currentPath();
            if (isOpen(anchors.get(alias.getAnchor()))) {
                throw new RecursiveAlias(alias.getAnchor(), alias.getStartMark());
            }
        }
        if (event instanceof CollectionStartEvent start) {
            open.push(new Frame(define(start.getAnchor()), start));
        } else if (event instanceof CollectionEndEvent) {
            open.pop();
            completed(null);
        } else if (event instanceof ScalarEvent scalar) {
            define(scalar.getAnchor());
            completed(scalar.getValue());
        } else if (event instanceof NodeEvent) {
            completed(null);
        }
        return event;
    }

    Mark lastMark() {
        return last == null ? null : last.getStartMark();
    }

    boolean lastWasAlias() {
        return last instanceof AliasEvent;
    }

    /** Collections opened and not yet closed. */
    int depth() {
        return open.size();
    }

    /** The key path of the last event's node (for a mapping or list, of the collection itself), as {@link YamlNode#path()} has it. */
    String path() {
        return last instanceof AliasEvent ? aliasPath : currentPath();
    }

    private String currentPath() {
        StringBuilder path = new StringBuilder();
        for (Iterator<Frame> frames = open.descendingIterator(); frames.hasNext(); ) {
            Frame frame = frames.next();
            if (frame.start == last) {
                break;
            }
            if (!(frame.start instanceof MappingStartEvent)) {
                path.append('[').append(frame.index).append(']');
            } else if (!frame.atKey && frame.key != null) {
                path.append(path.length() == 0 ? "" : ".").append(frame.key);
            } else {
                break;
            }
        }
        return path.toString();
    }

    /** A node ended in the innermost open collection: a mapping moves between key and value, a list on. */
    private void completed(String scalar) {
        Frame frame = open.peek();
        if (frame == null) {
            return;
        }
        if (!(frame.start instanceof MappingStartEvent)) {
            frame.index++;
        } else if (frame.atKey) {
            frame.key = scalar == null ? "?" : scalar;
            frame.atKey = false;
        } else {
            frame.atKey = true;
        }
    }

    /** Numbers every node that may carry an anchor, so that a redefined anchor names its latest node. */
    private int define(String anchor) {
        definitions++;
        if (anchor != null) {
            anchors.put(anchor, definitions);
        }
        return definitions;
    }

    private boolean isOpen(Integer id) {
        return id != null && open.stream().anyMatch(frame -> frame.id == id);
    }

    private Event remember(Event event) {
        if (event != null) {
            last = event;
        }
        return event;
    }

    /** An alias names a mapping or list it is itself part of. */
    static final class RecursiveAlias extends RuntimeException {
        final String anchor;
        final transient Mark mark;

        RecursiveAlias(String anchor, Mark mark) {
            super("alias *" + anchor + " refers to a collection it is part of", null, false, false);
            this.anchor = anchor;
            this.mark = mark;
        }
    }
}
