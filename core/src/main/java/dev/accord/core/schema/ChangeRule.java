package dev.accord.core.schema;

/**
 * One kind of change between two versions of a JSON Schema, named from the old version to the new one in the
 * Confluent Schema Registry's vocabulary (its {@code Difference.Type}s), with the verdict each direction usually
 * gets. A change is backward-safe when every document valid under the old schema is valid under the new one, and
 * forward-safe when every document valid under the new schema is valid under the old one, as the runtime
 * validator decides validity (it does not fill in defaults).
 *
 * <p>Kinds marked "computed" depend on what the change carries (the schema of an added property compared with
 * the {@code additionalProperties} it replaces, the members of a sum type): each {@link SchemaChange} carries its
 * own verdict, and these flags are only the usual case. {@code docs/contract.md} has the table.
 */
public enum ChangeRule {
    ANNOTATION_CHANGED(true, true, "title, description, $comment, examples, readOnly, writeOnly or deprecated changed"),
    DEFAULT_CHANGED(true, true, "the default value was added, removed or changed (validation ignores defaults)"),
    ID_CHANGED(true, true, "the root $id changed"),
    DRAFT_CHANGED(false, false, "$schema names another draft, under which keywords may mean something else"),
    TYPE_EXTENDED(true, false, "the type accepts more (a type added, integer widened to number)"),
    TYPE_NARROWED(false, true, "the type accepts less (a type removed, number narrowed to integer)"),
    TYPE_CHANGED(false, false, "the type changed to an unrelated one"),
    ENUM_ARRAY_EXTENDED(true, false, "allowed values were added, or the enum/const was dropped"),
    ENUM_ARRAY_NARROWED(false, true, "allowed values were removed, or an enum/const was introduced"),
    ENUM_ARRAY_CHANGED(false, false, "allowed values were both added and removed"),
    MAX_LENGTH_ADDED(false, true, "maxLength added"),
    MAX_LENGTH_REMOVED(true, false, "maxLength removed"),
    MAX_LENGTH_INCREASED(true, false, "maxLength loosened"),
    MAX_LENGTH_DECREASED(false, true, "maxLength tightened"),
    MIN_LENGTH_ADDED(false, true, "minLength added"),
    MIN_LENGTH_REMOVED(true, false, "minLength removed"),
    MIN_LENGTH_DECREASED(true, false, "minLength loosened"),
    MIN_LENGTH_INCREASED(false, true, "minLength tightened"),
    MAXIMUM_ADDED(false, true, "maximum added"),
    MAXIMUM_REMOVED(true, false, "maximum removed"),
    MAXIMUM_INCREASED(true, false, "maximum loosened"),
    MAXIMUM_DECREASED(false, true, "maximum tightened"),
    MINIMUM_ADDED(false, true, "minimum added"),
    MINIMUM_REMOVED(true, false, "minimum removed"),
    MINIMUM_DECREASED(true, false, "minimum loosened"),
    MINIMUM_INCREASED(false, true, "minimum tightened"),
    EXCLUSIVE_MAXIMUM_ADDED(false, true, "exclusiveMaximum added"),
    EXCLUSIVE_MAXIMUM_REMOVED(true, false, "exclusiveMaximum removed"),
    EXCLUSIVE_MAXIMUM_INCREASED(true, false, "exclusiveMaximum loosened"),
    EXCLUSIVE_MAXIMUM_DECREASED(false, true, "exclusiveMaximum tightened"),
    EXCLUSIVE_MINIMUM_ADDED(false, true, "exclusiveMinimum added"),
    EXCLUSIVE_MINIMUM_REMOVED(true, false, "exclusiveMinimum removed"),
    EXCLUSIVE_MINIMUM_DECREASED(true, false, "exclusiveMinimum loosened"),
    EXCLUSIVE_MINIMUM_INCREASED(false, true, "exclusiveMinimum tightened"),
    MAX_ITEMS_ADDED(false, true, "maxItems added"),
    MAX_ITEMS_REMOVED(true, false, "maxItems removed"),
    MAX_ITEMS_INCREASED(true, false, "maxItems loosened"),
    MAX_ITEMS_DECREASED(false, true, "maxItems tightened"),
    MIN_ITEMS_ADDED(false, true, "minItems added"),
    MIN_ITEMS_REMOVED(true, false, "minItems removed"),
    MIN_ITEMS_DECREASED(true, false, "minItems loosened"),
    MIN_ITEMS_INCREASED(false, true, "minItems tightened"),
    MAX_PROPERTIES_ADDED(false, true, "maxProperties added"),
    MAX_PROPERTIES_REMOVED(true, false, "maxProperties removed"),
    MAX_PROPERTIES_INCREASED(true, false, "maxProperties loosened"),
    MAX_PROPERTIES_DECREASED(false, true, "maxProperties tightened"),
    MIN_PROPERTIES_ADDED(false, true, "minProperties added"),
    MIN_PROPERTIES_REMOVED(true, false, "minProperties removed"),
    MIN_PROPERTIES_DECREASED(true, false, "minProperties loosened"),
    MIN_PROPERTIES_INCREASED(false, true, "minProperties tightened"),
    MAX_CONTAINS_ADDED(false, true, "maxContains added"),
    MAX_CONTAINS_REMOVED(true, false, "maxContains removed"),
    MAX_CONTAINS_INCREASED(true, false, "maxContains loosened"),
    MAX_CONTAINS_DECREASED(false, true, "maxContains tightened"),
    MIN_CONTAINS_ADDED(false, true, "minContains added"),
    MIN_CONTAINS_REMOVED(true, false, "minContains removed"),
    MIN_CONTAINS_DECREASED(true, false, "minContains loosened"),
    MIN_CONTAINS_INCREASED(false, true, "minContains tightened"),
    MULTIPLE_OF_ADDED(false, true, "multipleOf added"),
    MULTIPLE_OF_REMOVED(true, false, "multipleOf removed"),
    MULTIPLE_OF_EXPANDED(false, true, "multipleOf became a multiple of the old one"),
    MULTIPLE_OF_REDUCED(true, false, "multipleOf became a divisor of the old one"),
    MULTIPLE_OF_CHANGED(false, false, "multipleOf changed to an unrelated value"),
    PATTERN_ADDED(false, true, "pattern added"),
    PATTERN_REMOVED(true, false, "pattern removed"),
    PATTERN_CHANGED(false, false, "pattern changed (regular languages are not compared)"),
    FORMAT_ADDED(false, true, "format added (formats are asserted)"),
    FORMAT_REMOVED(true, false, "format removed"),
    FORMAT_CHANGED(false, false, "format changed to another"),
    UNIQUE_ITEMS_ADDED(false, true, "uniqueItems became true"),
    UNIQUE_ITEMS_REMOVED(true, false, "uniqueItems became false or was removed"),
    REQUIRED_ATTRIBUTE_ADDED(false, true, "a property became required"),
    REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED(false, true,
            "a property with a default became required (the registry accepts this under BACKWARD; Accord does not, "
                    + "because validation does not fill in defaults)"),
    REQUIRED_ATTRIBUTE_REMOVED(true, false, "a property is no longer required"),
    PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL(false, true, "computed: a property was declared where any value was allowed"),
    PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL(true, false, "computed: a property was declared where none was allowed"),
    PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(true, false,
            "computed: a property was declared whose schema accepts all that additionalProperties/patternProperties did"),
    PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(false, true,
            "computed: a property was declared whose schema accepts less than additionalProperties/patternProperties did"),
    PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL(true, false, "computed: a property is no longer declared; any value is allowed"),
    PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL(false, true, "computed: a property is no longer declared and no longer allowed"),
    PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(true, false,
            "computed: a property is no longer declared; additionalProperties/patternProperties accept all it did"),
    PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(false, true,
            "computed: a property is no longer declared; additionalProperties/patternProperties accept less than it did"),
    ADDITIONAL_PROPERTIES_ADDED(true, false, "undeclared properties were forbidden and are now allowed"),
    ADDITIONAL_PROPERTIES_REMOVED(false, true, "undeclared properties were allowed and are now forbidden"),
    PATTERN_PROPERTIES_EXTENDED(true, false, "computed: a patternProperties schema accepts more, or was removed"),
    PATTERN_PROPERTIES_NARROWED(false, true, "computed: a patternProperties schema accepts less, or was added"),
    PATTERN_PROPERTIES_CHANGED(false, false, "computed: a patternProperties schema changed both ways"),
    PROPERTY_NAMES_EXTENDED(true, false, "computed: propertyNames accepts more names"),
    PROPERTY_NAMES_NARROWED(false, true, "computed: propertyNames accepts fewer names"),
    PROPERTY_NAMES_CHANGED(false, false, "computed: propertyNames changed both ways"),
    DEPENDENCY_ARRAY_ADDED(false, true, "dependentRequired/dependencies: names required with a property were added"),
    DEPENDENCY_ARRAY_REMOVED(true, false, "dependentRequired/dependencies: a property no longer requires others"),
    DEPENDENCY_ARRAY_EXTENDED(false, true, "computed: a property requires more names with it"),
    DEPENDENCY_ARRAY_NARROWED(true, false, "computed: a property requires fewer names with it"),
    DEPENDENCY_ARRAY_CHANGED(false, false, "computed: the names a property requires changed both ways"),
    DEPENDENCY_SCHEMA_ADDED(false, true, "computed: dependentSchemas/dependencies: a schema applies when a property is present"),
    DEPENDENCY_SCHEMA_REMOVED(true, false, "computed: a dependent schema was removed"),
    DEPENDENCY_SCHEMA_EXTENDED(true, false, "computed: a dependent schema accepts more"),
    DEPENDENCY_SCHEMA_NARROWED(false, true, "computed: a dependent schema accepts less"),
    DEPENDENCY_SCHEMA_CHANGED(false, false, "computed: a dependent schema changed both ways"),
    ITEM_ADDED_TO_OPEN_CONTENT_MODEL(false, true, "computed: a tuple position was declared where any item was allowed"),
    ITEM_ADDED_TO_CLOSED_CONTENT_MODEL(true, false, "computed: a tuple position was declared where no item was allowed"),
    ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(true, false,
            "computed: a tuple position was declared whose schema accepts all the additional items' schema did"),
    ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(false, true,
            "computed: a tuple position was declared whose schema accepts less than the additional items' schema did"),
    ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL(true, false, "computed: a tuple position is no longer declared; any item is allowed"),
    ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL(false, true, "computed: a tuple position is no longer declared nor allowed"),
    ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(true, false,
            "computed: a tuple position is no longer declared; the additional items' schema accepts all it did"),
    ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(false, true,
            "computed: a tuple position is no longer declared; the additional items' schema accepts less than it did"),
    ADDITIONAL_ITEMS_ADDED(true, false, "items beyond the tuple were forbidden and are now allowed"),
    ADDITIONAL_ITEMS_REMOVED(false, true, "items beyond the tuple were allowed and are now forbidden"),
    CONTAINS_ADDED(false, true, "contains added: an array must hold a matching item"),
    CONTAINS_REMOVED(true, false, "contains removed"),
    CONTAINS_EXTENDED(true, false, "computed: the contains schema accepts more"),
    CONTAINS_NARROWED(false, true, "computed: the contains schema accepts less"),
    CONTAINS_CHANGED(false, false, "computed: the contains schema changed both ways, or changed under maxContains"),
    SUM_TYPE_EXTENDED(true, false, "anyOf/oneOf: alternatives were added (or the keyword removed)"),
    SUM_TYPE_NARROWED(false, true, "anyOf/oneOf: alternatives were removed (or the keyword added)"),
    SUM_TYPE_MEMBERS_OVERLAP(false, false,
            "computed: oneOf alternatives changed and Accord cannot prove them mutually exclusive, so a document "
                    + "may match two of them"),
    PRODUCT_TYPE_EXTENDED(false, true, "allOf: conjuncts were added (or the keyword added)"),
    PRODUCT_TYPE_NARROWED(true, false, "allOf: conjuncts were removed (or the keyword removed)"),
    NOT_TYPE_EXTENDED(false, true, "computed: the schema under not accepts more, so the schema accepts less"),
    NOT_TYPE_NARROWED(true, false, "computed: the schema under not accepts less, so the schema accepts more"),
    NOT_TYPE_CHANGED(false, false, "computed: the schema under not changed both ways"),
    CONDITIONAL_ADDED(false, true, "if/then/else added"),
    CONDITIONAL_REMOVED(true, false, "if/then/else removed"),
    SCHEMA_ADDED(true, false, "a subschema that was false (nothing valid) now accepts values"),
    SCHEMA_REMOVED(false, true, "a subschema became false: no value is valid there any more"),
    UNDECIDABLE(false, false,
            "Accord cannot decide this change (if/then/else with a changed if, unevaluated*, a remote or anchor $ref, "
                    + "patternProperties re-keyed in a closed model, a draft-04 boolean bound); refused in every mode"),
    KEYWORD_CHANGED(false, false, "a keyword Accord does not know changed; refused in every mode");

    private final boolean backwardSafe;
    private final boolean forwardSafe;
    private final String meaning;

    ChangeRule(boolean backwardSafe, boolean forwardSafe, String meaning) {
        this.backwardSafe = backwardSafe;
        this.forwardSafe = forwardSafe;
        this.meaning = meaning;
    }

    /** Usually: a reader on the new schema still accepts data written with the old one. */
    public boolean backwardSafe() {
        return backwardSafe;
    }

    /** Usually: a reader on the old schema still accepts data written with the new one. */
    public boolean forwardSafe() {
        return forwardSafe;
    }

    /** Whether the verdict depends on what the change carries; see {@link SchemaChange#backwardSafe()}. */
    public boolean computed() {
        return meaning.startsWith("computed: ");
    }

    public String meaning() {
        return meaning;
    }
}
