package dev.accord.core.validation;

/**
 * Why a record was quarantined or rejected at the boundary. Each code is documented in
 * {@code docs/errors.md} with its cause and the action to take.
 */
public enum ReasonCode {
    INVALID_ENCODING("text holds characters that are not valid Unicode (a broken decoding upstream)"),
    NOT_A_NUMBER("a numeric field holds something that is not a number"),
    NOT_AN_INTEGER("an integer field holds a fraction, or a unit conversion left one"),
    NOT_A_BOOLEAN("a boolean field holds something other than true/false, yes/no, 1/0"),
    BAD_TIMESTAMP("a timestamp could not be read as an ISO-8601 date-time"),
    BAD_DATE("a date could not be read as an ISO-8601 date (yyyy-MM-dd)"),
    MISSING_KEY("the record has no value for the domain's key field"),
    REQUIRED_MISSING("a required field is empty"),
    VALUE_NOT_ALLOWED("a value is not among the field's allowed values"),
    SCHEMA_TYPE("a value has the wrong JSON type for the canonical schema"),
    SCHEMA_CONSTRAINT("a value breaks a constraint of the canonical schema (pattern, format, length, range)"),
    SCHEMA_UNKNOWN_FIELD("the record carries a field the canonical schema does not allow"),
    SCHEMA_VIOLATION("the record breaks another rule of the canonical schema"),
    MALFORMED_SOURCE("the source delivered data that could not be decoded at all"),
    CONSUMER_REQUIRED_MISSING("a field the target declares it needs is empty"),
    CONSUMER_TYPE("a value has another type than the target declares it reads"),
    CONSUMER_VALUE_NOT_ACCEPTED("a value is not among the values the target declares it handles"),
    MISSING_REFERENCE("a field references a key of another domain that the hub does not hold"),
    KEY_TOO_LONG("the record's key is longer than the Accord store can keep"),
    RECORD_TOO_LARGE("the record is larger than the per-record limit of what travels through Temporal"),
    UNREADABLE_SOURCE_VALUE("a source value cannot be read as the type its column had when the flow started"),
    VALUE_OUT_OF_RANGE("a value is beyond what the target column's type can hold"),
    VALUE_TOO_LONG("a text is longer than the target column allows"),
    PRECISION_LOSS("writing the value would round it: it has more decimal places than the target column keeps"),
    UNSUPPORTED_CHARACTER("a text holds a character the target column cannot store"),
    TARGET_REJECTED("the target refused the record's write as invalid (a constraint, a trigger, a 400 or 422 answer)"),
    AMBIGUOUS_MATCH("a record seen for the first time in a system matches more than one golden record by the domain's match rules"),
    PROCESSING_FAILED("a step failed on this record again and again, for a reason that is not a known data error"),
    FORMAT_CHARACTER("text holds an invisible Unicode format character (zero-width, bidi control) where the field does not allow one");

    private final String meaning;

    ReasonCode(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
