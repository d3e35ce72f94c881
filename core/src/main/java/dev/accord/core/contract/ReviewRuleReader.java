package dev.accord.core.contract;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a field's {@code review} settings:
 * {@code review: { when-drops-by-more-than: 50%, when-rises-by-more-than: 200%, deadline: 24h, default: reject }}.
 */
final class ReviewRuleReader {

    private static final Set<String> KEYS = Set.of("when-drops-by-more-than", "when-rises-by-more-than", "deadline", "default");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    private static final String PERCENT_HINT = "write a percentage such as 50%";

    private ReviewRuleReader() {}

    static ReviewRule read(YamlNode node, FieldType type, MergeStrategy merge) {
        if (node == null) {
            return ReviewRule.DEFAULTS;
        }
        Map<String, YamlNode> entries = node.fields("the review settings of a field", KEYS);
        BigDecimal drops = percent(entries.get("when-drops-by-more-than"), true);
        BigDecimal rises = percent(entries.get("when-rises-by-more-than"), false);
        if ((drops != null || rises != null) && type != FieldType.INTEGER && type != FieldType.DECIMAL) {
            node.problem("'when-drops-by-more-than' and 'when-rises-by-more-than' compare numbers, but the field is a " + type.name().toLowerCase(),
                    "use them on integer or number fields only");
        }
        if (drops == null && rises == null && merge != MergeStrategy.REVIEW) {
            node.problem("review settings without a rule park nothing under merge '" + merge.spelling() + "'",
                    "add when-drops-by-more-than or when-rises-by-more-than, or set merge: review");
        }
        Duration deadline = ReviewRule.DEFAULTS.deadline();
        if (entries.containsKey("deadline")) {
            String text = entries.get("deadline").text("a duration");
            deadline = Durations.parse(text).filter(d -> !d.isZero() && !d.isNegative()).orElse(null);
            if (deadline == null) {
                entries.get("deadline").problem("'" + text + "' is not a positive duration", Durations.HINT);
                deadline = ReviewRule.DEFAULTS.deadline();
            }
        }
        String action = ReviewRule.DEFAULTS.defaultAction();
        if (entries.containsKey("default")) {
            action = entries.get("default").text("approve or reject");
            if (!"approve".equals(action) && !"reject".equals(action)) {
                entries.get("default").problem("unknown default '" + action + "'",
                        "approve (the proposed value wins) or reject (the golden value stays)");
                action = ReviewRule.DEFAULTS.defaultAction();
            }
        }
        return new ReviewRule(drops, rises, deadline, action);
    }

    private static BigDecimal percent(YamlNode node, boolean atMostHundred) {
        if (node == null) {
            return null;
        }
        String text = node.text("a percentage");
        Matcher matcher = PERCENT.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            node.problem("'" + text + "' is not a percentage", PERCENT_HINT);
            return null;
        }
        BigDecimal value = new BigDecimal(matcher.group(1));
        if (atMostHundred && value.compareTo(BigDecimal.valueOf(100)) >= 0) {
            node.problem("a value cannot drop by " + value.toPlainString() + "% or more", "use a percentage below 100%");
            return null;
        }
        return value;
    }
}
